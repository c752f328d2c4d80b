import { api, can, el, notify, onEvent, refusal, t, translate, when } from '/web/app.js';
import { ask } from '/web/ask.js';
import { showClock } from '/web/pages/vntime.js';

// What is on air and what waits, by class, emergency first and unmistakable; stop a session; put
// something on air now or next. Cards, not a table, so a phone reads it without scrolling sideways.
const CLASSES = ['EMERGENCY', 'PRIORITY', 'NORMAL', 'BACKGROUND'];

export default async function onair(view) {
  if (!document.getElementById('onair-css')) {
    document.head.append(el('link', { id: 'onair-css', rel: 'stylesheet', href: '/web/pages/onair.css' }));
  }
  const [areas, media, playlists] = await Promise.all([api('GET', '/api/areas'), api('GET', '/api/media'), api('GET', '/api/playlists')]);
  const list = el('div', { id: 'sessions' });
  view.append(el('h1', { 'data-i18n': 'onair.title' }), list,
    can('content') ? quickForm(areas.body, media.body, playlists.body, () => refresh()) : '');
  const refresh = async () => {
    const sessions = (await api('GET', '/api/broadcasts')).body || [];
    list.replaceChildren(...CLASSES.map(c => section(c, sessions.filter(s => s.priority === c), refresh)));
    translate(list);
  };
  await refresh();
  onEvent(e => { if (e.type === 'nowplaying') refresh(); });
}

function section(cls, sessions, refresh) {
  const live = cls === 'EMERGENCY' && sessions.length > 0;
  const heading = el('h2', { id: 'class-' + cls }, live ? t('onair.emergency') : t('class.' + cls));
  return el('section', { class: 'card onair-class class-' + cls + (live ? ' emergency-live' : '') + (sessions.length ? '' : ' empty'),
    'aria-labelledby': 'class-' + cls },
    heading,
    sessions.length
      ? el('ul', { class: 'sessions' }, ...sessions.map(s => card(s, refresh)))
      : el('p', { class: 'muted', 'data-i18n': 'onair.none' }));
}

function card(s, refresh) {
  const where = s.playing.length
    ? t('onair.playingAt', { n: s.playing.length })
    : s.waiting.length ? '' : t('onair.nowhere');
  const facts = [
    where,
    s.waiting.length ? t('onair.waitingAt', { n: s.waiting.length }) : '',
    t('onair.lengthIs', { d: spoken(s.durationMs) }),
    s.state === 'HELD' && s.airAt ? t('onair.heldUntil', { t: moment(s.airAt) }) : t('onair.sinceAt', { t: moment(s.createdAt) }),
  ].filter(Boolean);
  const stop = can('content') ? el('button', { type: 'button', class: 'danger stop', 'aria-label': t('onair.stopOne', { title: s.title }),
    onclick: async () => {
      if (!await ask(t('onair.stopAsk', { title: s.title }), 'onair.stop')) return;
      const r = await api('DELETE', '/api/broadcasts/' + s.id);
      notify(r.status === 200 ? t('onair.stopped') : refusal(r.body), r.status === 200 ? 'info' : 'error');
      refresh();
    } }, t('onair.stop')) : '';
  return el('li', { class: 'session', dataset: { id: s.id } },
    el('p', { class: 'session-title' }, s.title),
    el('p', { class: 'session-facts' }, facts.join(' · ')),
    stop);
}

/** A length as people say it: "3 phút 20 giây", "1 giờ 5 phút", "45 giây". */
function spoken(ms) {
  if (ms === null || ms === undefined) return '–';
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts = [];
  if (h) parts.push(t('onair.hours', { h }));
  if (m) parts.push(t('onair.minutes', { m }));
  if (s && !h) parts.push(t('onair.seconds', { s }));
  return parts.length ? parts.join(' ') : t('onair.seconds', { s: 0 });
}

/** Today's times as "07:30", other days' as "30/11/2026 07:30". */
function moment(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  return d.toDateString() === new Date().toDateString() ? showClock(d) : when(iso);
}

function quickForm(areas, media, playlists, done) {
  const places = [];
  const walk = (list, depth) => list.forEach(a => { places.push([a, depth]); walk(a.children || [], depth + 1); });
  walk(areas, 0);
  const source = el('select', { id: 'q-source' }, ...playlists.map(p => el('option', { value: 'playlist:' + p.name }, '▶ ' + (p.title || p.name))),
    ...media.filter(m => m.accepted).map(m => el('option', { value: 'media:' + m.path }, m.title || m.path)));
  const target = el('select', { id: 'q-target' },
    ...places.map(([a, depth]) => el('option', { value: a.id }, '\u00a0\u00a0'.repeat(depth) + a.name)));
  const priority = el('select', { id: 'q-priority' }, ...['NORMAL', 'PRIORITY'].map(p => el('option', { value: p }, t('class.' + p))));
  const go = async whenValue => {
    const [kind, value] = source.value.split(/:(.*)/s);
    const r = await api('POST', '/api/broadcasts', { [kind]: kind === 'media' ? [value] : value, priority: priority.value,
      targets: { areas: [target.value] }, when: whenValue });
    notify(r.status === 201 ? t('onair.started', { title: r.body.title }) : refusal(r.body), r.status === 201 ? 'info' : 'error');
    done();
  };
  const row = (id, key, input) => [el('label', { for: id, 'data-i18n': key }), input];
  return el('section', { class: 'card quick' }, el('h2', { 'data-i18n': 'onair.put' }),
    el('div', { class: 'form' }, ...row('q-source', 'onair.source', source), ...row('q-target', 'onair.target', target),
      ...row('q-priority', 'onair.level', priority)),
    el('p', { class: 'hint muted', 'data-i18n': 'onair.putHint' }),
    el('div', { class: 'actions' },
      el('button', { type: 'button', id: 'q-now', onclick: () => go('now'), 'data-i18n': 'onair.now' }),
      el('button', { type: 'button', id: 'q-next', onclick: () => go('next'), 'data-i18n': 'onair.next' })));
}
