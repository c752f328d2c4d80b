import { api, can, el, me, notify, refusal, t } from '/web/app.js';
import { ask, clock } from '/web/ask.js';

// The strip under the top bar on every page: an alert on air, an alert or a broadcast waiting for a
// second officer, and, for an officer who may give it, the button that gives it. It follows the live
// event stream and looks again every 15 s (held broadcasts and schedules publish no event).

let timer = null;
let busy = false;
let again = false;

export function startBanner() {
  if (timer) return;
  window.addEventListener('loa-event', e => { if (e.detail.type === 'alert') refreshBanner(); });
  window.addEventListener('hashchange', refreshBanner);
  timer = setInterval(refreshBanner, 15000);
  refreshBanner();
}

export async function refreshBanner() {
  if (!me()) return;
  if (busy) { again = true; return; }
  busy = true;
  try {
    const [live, waiting, held] = await Promise.all([api('GET', '/api/alerts?state=ACTIVE'),
      api('GET', '/api/alerts?state=AWAITING_CONFIRMATION'), api('GET', '/api/confirmations')]);
    const rows = [];
    // The emergency page shows alerts itself, larger; there the strip keeps only held broadcasts and schedules.
    const here = location.hash.startsWith('#/emergency');
    for (const a of live.status === 200 && !here ? live.body : []) {
      rows.push(el('div', { class: 'banner-row live', dataset: { alert: a.id } },
        el('strong', {}, t('emergency.banner.live')), ' ', el('span', {}, a.title), ' ',
        el('span', { class: 'banner-when' }, t('emergency.banner.until', { at: clock(a.expiresAt) })), ' ',
        el('a', { href: '#/emergency', class: 'banner-go' }, t('emergency.banner.open'))));
    }
    for (const a of waiting.status === 200 && !here ? waiting.body : []) {
      rows.push(row(a.id, 'alert', a.title, a.requestedBy, `/api/alerts/${a.id}/confirm`, 'emergency.banner.askConfirm', 'emergency.confirm'));
    }
    for (const p of held.status === 200 ? held.body : []) {
      rows.push(row(p.id, 'held', p.title, p.requestedBy, `/api/confirmations/${p.id}/confirm`, 'emergency.banner.askHeld', 'emergency.banner.confirm',
        t('emergency.banner.reach', { stations: p.stations, communes: p.communes.join(', ') })));
    }
    const bar = document.getElementById('alert-banner') || insert();
    // role="alert" reads out whatever is written into it: rewrite the strip only when it says something new.
    const said = rows.map(r => r.textContent).join('\n');
    if (bar.dataset.said !== said) {
      bar.dataset.said = said;
      bar.replaceChildren(...rows);
    }
    bar.hidden = rows.length === 0;
  } finally {
    busy = false;
    if (again) { again = false; refreshBanner(); }
  }
}

/** A request waiting for a second officer: whoever may confirm it and did not ask for it is asked to. */
function row(id, kind, title, requestedBy, confirmPath, askKey, yesKey, detail) {
  const mayConfirm = can('emergency') && requestedBy !== me().name;
  const attrs = { class: 'banner-row waiting' + (mayConfirm ? ' for-me' : ''), dataset: { [kind]: id } };
  return el('div', attrs,
    el('strong', {}, t(mayConfirm ? 'emergency.banner.yourTurn' : 'emergency.banner.waiting')), ' ',
    el('span', {}, title), ' ', el('span', { class: 'banner-when' }, t('emergency.banner.by', { who: requestedBy })),
    detail ? el('span', { class: 'banner-when' }, detail) : '',
    mayConfirm ? el('button', { type: 'button', class: 'live banner-confirm', id: `banner-confirm-${kind}-${id}`,
      onclick: async () => {
        if (!await ask(t(askKey, { title }), yesKey)) return;
        const r = await api('POST', confirmPath);
        notify(r.status < 300 ? t('emergency.banner.confirmed') : refusal(r.body), r.status < 300 ? 'info' : 'error');
        refreshBanner();
      } }, t(yesKey)) : '');
}

function insert() {
  const bar = el('div', { id: 'alert-banner', role: 'alert', hidden: true });
  document.getElementById('top').after(bar);
  return bar;
}
