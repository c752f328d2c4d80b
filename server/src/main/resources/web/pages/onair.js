import { api, can, duration, el, notify, onEvent, t, translate, when } from '/web/app.js';

// What is on air and what waits, by class; stop a session; put something on air now or next.
const CLASSES = ['EMERGENCY', 'PRIORITY', 'NORMAL', 'BACKGROUND'];

export default async function onair(view) {
  const [areas, media, playlists] = await Promise.all([api('GET', '/api/areas'), api('GET', '/api/media'), api('GET', '/api/playlists')]);
  const list = el('div', { id: 'sessions' });
  view.append(el('h1', { 'data-i18n': 'onair.title' }), list, can('content') ? quickForm(areas.body, media.body, playlists.body, () => refresh()) : '');
  const refresh = async () => {
    const sessions = (await api('GET', '/api/broadcasts')).body;
    list.replaceChildren(...CLASSES.map(c => {
      const mine = sessions.filter(s => s.priority === c);
      return el('section', { class: 'card class-' + c }, el('h2', {}, c),
        mine.length ? el('table', { class: 'list' }, el('tr', {}, ...['onair.titleCol', 'onair.playing', 'onair.waiting', 'onair.length', 'onair.since', '']
          .map(k => el('th', { 'data-i18n': k }))),
        ...mine.map(s => el('tr', { dataset: { id: s.id } }, el('td', {}, s.title), el('td', {}, String(s.playing.length)),
          el('td', {}, String(s.waiting.length)), el('td', {}, duration(s.durationMs)), el('td', {}, when(s.createdAt)),
          el('td', {}, can('content') ? el('button', { type: 'button', class: 'danger', onclick: async () => {
            const r = await api('DELETE', '/api/broadcasts/' + s.id);
            notify(r.status === 200 ? t('onair.stopped') : r.body.error, r.status === 200 ? 'info' : 'error');
            refresh();
          }, 'data-i18n': 'onair.stop' }) : ''))))
          : el('p', { class: 'muted', 'data-i18n': 'onair.none' }));
    }));
    translate(list);
  };
  await refresh();
  onEvent(e => { if (e.type === 'nowplaying') refresh(); });
}

function quickForm(areas, media, playlists, done) {
  const communes = [];
  const walk = list => list.forEach(a => { communes.push(a); walk(a.children || []); });
  walk(areas);
  const source = el('select', { id: 'q-source' }, ...playlists.map(p => el('option', { value: 'playlist:' + p.name }, '▶ ' + (p.title || p.name))),
    ...media.filter(m => m.accepted).map(m => el('option', { value: 'media:' + m.path }, m.path)));
  const target = el('select', { id: 'q-target' }, ...communes.map(a => el('option', { value: a.id }, a.name)));
  const priority = el('select', { id: 'q-priority' }, ...['NORMAL', 'PRIORITY'].map(p => el('option', { value: p }, p)));
  const go = async whenValue => {
    const [kind, value] = source.value.split(/:(.*)/s);
    const r = await api('POST', '/api/broadcasts', { [kind]: kind === 'media' ? [value] : value, priority: priority.value,
      targets: { areas: [target.value] }, when: whenValue });
    notify(r.status === 201 ? t('onair.started', { title: r.body.title }) : r.body.error, r.status === 201 ? 'info' : 'error');
    done();
  };
  return el('section', { class: 'card' }, el('h2', { 'data-i18n': 'onair.put' }), source, target, priority,
    el('button', { type: 'button', id: 'q-now', onclick: () => go('now'), 'data-i18n': 'onair.now' }),
    el('button', { type: 'button', id: 'q-next', onclick: () => go('next'), 'data-i18n': 'onair.next' }));
}
