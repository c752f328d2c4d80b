import { stationMap } from '/web/map.js';
import { api, can, el, me, notify, onEvent, refusal, t, translate, when } from '/web/app.js';
import { ask, clock, minutesLeft } from '/web/ask.js';
import { refreshBanner } from '/web/banner.js';

// The emergency screen: deliberately unlike the others. What is happening comes first: an alert on
// air with its reach and one large Cancel, an alert waiting for a second officer, a rehearsal still
// playing. The draft form comes after. TEST and LIVE look and read differently and are separate
// buttons; LIVE and Cancel each ask once, in a dialog in the console's language.
export default async function emergency(view) {
  view.classList.add('emergency');
  if (!can('emergency')) {
    view.append(el('h1', { 'data-i18n': 'emergency.title' }), el('p', { 'data-i18n': 'emergency.noRights' }));
    return;
  }
  const now = el('div', { id: 'alert-now' });
  const mapBox = el('div', { id: 'alert-map', class: 'smap-box', hidden: true });
  const current = el('div', { id: 'alert-current' });
  const list = el('div', { id: 'alerts' });
  const [tree, media] = await Promise.all([api('GET', '/api/areas/tree'), api('GET', '/api/media')]);
  const files = media.body.filter(m => m.accepted);
  const picker = areaPicker(tree.body);
  const title = el('input', { id: 'a-title', 'data-i18n-placeholder': 'emergency.alertTitle' });
  const message = el('textarea', { id: 'a-message', rows: 3 });
  const audio = el('select', { id: 'a-media' }, el('option', { value: '', 'data-i18n': 'emergency.toneOnly' }), ...files.map(f => el('option', { value: f.path }, f.path)));
  const tone = el('input', { id: 'a-tone', type: 'checkbox', checked: true });
  const repeat = el('input', { id: 'a-repeat', type: 'number', min: 1, max: 10, value: 3 });
  const minutes = el('input', { id: 'a-minutes', type: 'number', min: 1, max: 1440, value: 60 });
  const correction = el('select', { id: 'a-correction' }, el('option', { value: '', 'data-i18n': 'emergency.noCorrection' }), ...files.map(f => el('option', { value: f.path }, f.path)));
  const field = (input, key) => [el('label', { for: input.id, 'data-i18n': key }), input];
  view.append(el('h1', { class: 'emergency-title', 'data-i18n': 'emergency.title' }), now, mapBox, current,
    el('section', { class: 'card draft' }, el('h2', { 'data-i18n': 'emergency.draft' }),
      el('div', { class: 'form' }, ...field(title, 'emergency.alertTitle'), ...field(message, 'emergency.message'),
        ...field(audio, 'emergency.audio'), ...field(tone, 'emergency.tone'),
        el('span', { class: 'label', id: 'a-targets-label', 'data-i18n': 'emergency.targets' }), picker.node,
        ...field(repeat, 'emergency.repeat'), ...field(minutes, 'emergency.expires'), ...field(correction, 'emergency.correction')),
      el('button', { type: 'button', id: 'a-draft', onclick: async () => {
        const r = await api('POST', '/api/alerts', { title: title.value, message: message.value || null,
          media: audio.value ? [audio.value] : null, attentionTone: tone.checked, repeat: Number(repeat.value),
          targets: { areas: picker.chosen() },
          expiresAt: new Date(Date.now() + Number(minutes.value) * 60000).toISOString(),
          correction: correction.value ? [correction.value] : null });
        if (r.status === 201) { await show(r.body.id); refresh(); current.scrollIntoView({ block: 'start' }); } else notify(refusal(r.body), 'error');
      }, 'data-i18n': 'emergency.makeDraft' })),
    el('h2', { 'data-i18n': 'emergency.all' }), list);

  // One step on one alert: asks first where the step is irreversible, reports, redraws.
  const step = async (id, path, body, askKey, yesKey) => {
    if (askKey && !await ask(t(askKey), yesKey)) return null;
    const r = await api('POST', `/api/alerts/${id}/${path}`, body);
    notify(r.status < 300 ? t(path === 'test/stop' ? 'emergency.done.stopTest' : 'emergency.done.' + path) : refusal(r.body), r.status < 300 ? 'info' : 'error');
    if (current.dataset.id === String(id)) await show(id);
    await refresh();
    refreshBanner();
    return r;
  };

  // A draft (or any alert picked from the list) in detail: preview, TEST, LIVE.
  const show = async id => {
    const a = (await api('GET', '/api/alerts/' + id)).body;
    current.dataset.id = id;
    const preview = a.state === 'DRAFT' ? (await api('GET', `/api/alerts/${id}/preview`)).body : null;
    current.replaceChildren(el('section', { class: 'card alert state-' + a.state, dataset: { id: a.id, state: a.state } },
      el('h2', {}, a.title, ' ', el('span', { class: 'badge', id: 'alert-state' }, t('alertState.' + a.state))),
      el('p', {}, a.message || ''), el('p', { class: 'muted' }, t('emergency.expiresAt', { at: when(a.expiresAt) })),
      preview ? el('p', { id: 'alert-preview' }, t('emergency.preview', { stations: preview.stations, online: preview.online,
        communes: preview.communes.join(', '), tests: preview.testStations.join(', ') || '–' })) : '',
      a.state === 'DRAFT' ? el('div', { class: 'actions' },
        el('button', { type: 'button', id: 'a-test', class: 'test', onclick: () => step(id, 'test'), 'data-i18n': 'emergency.test' }),
        el('button', { type: 'button', id: 'a-live', class: 'live', onclick: async () => {
          const r = await step(id, 'live', undefined, 'emergency.confirmLive', 'emergency.live');
          if (r && r.status < 300) { // it is on air or waiting at the top now: the form is free for the next one
            current.replaceChildren();
            title.value = '';
            message.value = '';
            picker.reset();
          }
        }, 'data-i18n': 'emergency.live' }),
        el('button', { type: 'button', id: 'a-cancel', class: 'quiet', onclick: () => step(id, 'cancel', {},
          'emergency.askDiscard', 'emergency.discard'), 'data-i18n': 'emergency.discard' })) : ''));
    translate(current);
  };

  // What is happening: every open alert that airs or waits, and every rehearsal still playing.
  const happening = async alerts => {
    // What villagers hear now leads; then what waits for a second officer; then rehearsals.
    const rank = { ACTIVE: 0, AWAITING_CONFIRMATION: 1, DRAFT: 2 };
    const open = alerts.filter(a => a.state === 'ACTIVE' || a.state === 'AWAITING_CONFIRMATION'
      || (a.state === 'DRAFT' && a.testSession)).sort((x, y) => rank[x.state] - rank[y.state]);
    const reaches = await Promise.all(open.map(a => api('GET', `/api/alerts/${a.id}/reach`).then(r => r.body)));
    const cards = [];
    open.forEach((a, i) => {
      const reach = reaches[i];
      if (a.state === 'DRAFT' && !reach.testPlaying) return;
      cards.push(a.state === 'DRAFT' ? testCard(a, reach) : liveCard(a, reach));
    });
    now.replaceChildren(...cards);
    const shown = open.map((a, i) => [a, reaches[i]]).find(([a]) => a.state === 'ACTIVE');
    mapBox.hidden = !shown;
    if (shown) drawMap(shown[1]);
  };

  const liveCard = (a, reach) => {
    const waiting = a.state === 'AWAITING_CONFIRMATION';
    const mayConfirm = waiting && a.requestedBy !== me().name;
    const correctionBox = el('input', { type: 'checkbox', id: `a-air-correction-${a.id}`, disabled: !a.content.correction.length });
    return el('section', { class: 'now-card state-' + a.state, id: 'now-' + a.id, dataset: { id: a.id, state: a.state } },
      el('p', { class: 'now-state' }, el('span', { class: 'badge' }, t('alertState.' + a.state)), ' ', el('strong', { class: 'now-title' }, a.title)),
      waiting ? el('p', { class: 'now-reach' }, t(mayConfirm ? 'emergency.yourTurn' : a.requestedBy === me().name ? 'emergency.waitingMine' : 'emergency.waitingOther', { who: a.requestedBy }))
        : el('p', { class: 'now-reach', id: `reach-${a.id}` }, t('emergency.reach', { playing: reach.playing, targeted: reach.targeted, offline: reach.offline })),
      el('p', { class: 'now-meta' }, waiting ? t('emergency.targetsCount', { targeted: reach.targeted })
        : t('emergency.repeatNow', { now: reach.repeatNow ?? '–', repeat: reach.repeat }),
        ' · ', t('emergency.expiresIn', { minutes: minutesLeft(a.expiresAt), at: clock(a.expiresAt) })),
      mayConfirm ? el('button', { type: 'button', class: 'live big', id: `a-confirm-${a.id}`,
        onclick: () => step(a.id, 'confirm', undefined, 'emergency.confirmLive', 'emergency.confirm') }, t('emergency.confirm')) : '',
      el('button', { type: 'button', class: 'cancel big', id: `a-stop-${a.id}`, onclick: () => step(a.id, 'cancel',
        { airCorrection: correctionBox.checked }, waiting ? 'emergency.askWithdraw' : 'emergency.askCancel',
        waiting ? 'emergency.withdraw' : 'emergency.cancel') }, t(waiting ? 'emergency.withdraw' : 'emergency.cancel')),
      a.content.correction.length ? el('label', { class: 'now-correction' }, correctionBox, ' ', t('emergency.airCorrection')) : '');
  };

  const testCard = (a, reach) => el('section', { class: 'now-card test-card', id: 'now-test-' + a.id, dataset: { id: a.id, state: 'TEST' } },
    el('p', { class: 'now-state' }, el('span', { class: 'badge' }, t('emergency.testing')), ' ', el('strong', {}, a.title)),
    el('p', { class: 'now-reach' }, t('emergency.testOn', { stations: reach.stations.filter(s => s.playing === 'TEST').map(s => s.name).join(', ') })),
    el('button', { type: 'button', class: 'test big', id: `a-stop-test-${a.id}`, onclick: () => step(a.id, 'test/stop') }, t('emergency.stopTest')));

  // The same drawn map as the overview (no tiles needed, commune names and counts, a legend, keyboard
  // markers), fed with the alert's reach: a station airing the alert shows as an emergency.
  let map = null;
  const drawMap = reach => {
    if (!map) {
      if (!document.getElementById('stations-css')) {
        document.head.append(el('link', { id: 'stations-css', rel: 'stylesheet', href: '/web/pages/stations.css' }));
      }
      map = stationMap(mapBox);
    }
    map.update(reach.stations.map(s => ({ id: s.id, name: s.name, lat: s.lat, lon: s.lon, online: s.online, enabled: true,
      areaPath: [{ id: s.commune, name: s.commune, level: 'commune' }], status: {},
      nowPlaying: s.playing ? { priority: 'EMERGENCY', title: reach.title || '' } : null })));
  };

  const refresh = async () => {
    const alerts = (await api('GET', '/api/alerts?limit=50')).body;
    await happening(alerts);
    list.replaceChildren(el('table', { class: 'list' }, ...alerts.map(a => el('tr', { class: 'state-' + a.state, dataset: { id: a.id } },
      el('td', {}, el('a', { href: '#', onclick: e => { e.preventDefault(); show(a.id); } }, a.title)),
      el('td', {}, t('alertState.' + a.state)), el('td', {}, a.createdBy), el('td', {}, when(a.createdAt))))));
  };
  await refresh();
  // Reach follows what the receivers play: redraw on alert changes and on what stations report, at most twice a second.
  let pending = null;
  onEvent(e => {
    if (!/^(alert|nowplaying|station\.online|station\.offline)$/.test(e.type) || pending) return;
    pending = setTimeout(() => { pending = null; if (view.isConnected && view.classList.contains('emergency')) refresh(); }, 500);
  });
}

/** The administrative tree as nested checkboxes with station counts; ticking an area ticks what lies below it. */
function areaPicker(roots) {
  const boxes = [];
  const summary = el('p', { id: 'a-targets-summary', class: 'muted', 'aria-live': 'polite' });
  const branch = (nodes, parent) => el('ul', { class: 'area-tree' }, ...nodes.map(n => {
    const box = el('input', { type: 'checkbox', id: 'a-area-' + n.id, value: n.id });
    box.node = n;
    box.parentBox = parent;
    boxes.push(box);
    box.addEventListener('change', () => {
      boxes.filter(b => within(b, box)).forEach(b => { b.checked = box.checked; });
      if (!box.checked) for (let p = box.parentBox; p; p = p.parentBox) p.checked = false;
      update();
    });
    return el('li', {}, el('label', { for: box.id }, box, ' ', n.name, ' ',
      el('span', { class: 'count' }, t('emergency.areaCount', { stations: n.stations, online: n.online }))),
      n.children.length ? branch(n.children, box) : '');
  }));
  const within = (b, ancestor) => { for (let p = b.parentBox; p; p = p.parentBox) if (p === ancestor) return true; return false; };
  // What is sent: the tree holds only the caller's stations, but an area may also hold others' (a
  // province spans communes of other officers), so a ticked area is sent as its ticked children unless
  // stations stand in it directly; ticking a province thus targets exactly the stations it counts.
  const chosen = () => boxes.filter(b => b.checked && (b.node.children.length === 0
    || b.node.stations > b.node.children.reduce((sum, c) => sum + c.stations, 0))).map(b => b.value);
  const update = () => {
    const top = boxes.filter(b => b.checked && !(b.parentBox && b.parentBox.checked));
    summary.textContent = top.length ? t('emergency.chosen', { names: top.map(b => b.node.name).join(', '),
      stations: top.reduce((sum, b) => sum + b.node.stations, 0) }) : t('emergency.noneChosen');
  };
  const node = el('div', { class: 'area-picker', role: 'group', 'aria-labelledby': 'a-targets-label' }, branch(roots, null), summary);
  update();
  const reset = () => { boxes.forEach(b => { b.checked = false; }); update(); };
  return { node, chosen, reset };
}
