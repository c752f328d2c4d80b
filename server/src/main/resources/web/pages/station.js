import { api, can, duration, el, notify, onEvent, t, translate, when } from '/web/app.js';
import { stationState } from '/web/pages/overview.js';

// One station: status and its history, what it plays now, its as-run log, remote controls, listen-in.
export default async function station(view, [id]) {
  const box = el('div', { class: 'station' });
  view.append(box);
  const render = async () => {
    const [s, history, asrun] = await Promise.all([
      api('GET', '/api/stations/' + encodeURIComponent(id)),
      api('GET', '/api/stations/' + encodeURIComponent(id) + '/history?limit=50'),
      api('GET', '/api/asrun?station=' + encodeURIComponent(id) + '&limit=2000')]);
    if (s.status !== 200) { box.replaceChildren(el('p', { class: 'error' }, s.body.error)); return; }
    const st = s.body.status || {};
    const np = s.body.nowPlaying;
    box.replaceChildren(
      el('h1', {}, s.body.name, ' ', el('span', { class: 'badge state-' + stationState(s.body), id: 'station-state' }, t('state.' + stationState(s.body)))),
      el('div', { class: 'split' },
        el('section', { class: 'card' }, el('h2', { 'data-i18n': 'station.status' }),
          fields([['station.id', s.body.id], ['station.lastSeen', when(s.body.lastSeen)], ['station.address', s.body.remoteAddress],
            ['station.firmware', s.body.firmware], ['station.volume', st.volume], ['station.muted', yes(st.muted)],
            ['station.amplifier', yes(st.amplifierOn)], ['station.speakerFault', yes(st.speakerLineFault)],
            ['station.ampFault', yes(st.amplifierFault)], ['station.temperature', st.temperatureC], ['station.signal', st.signalDbm],
            ['station.link', st.link], ['station.offlineReason', s.body.offlineReason]])),
        el('section', { class: 'card' }, el('h2', { 'data-i18n': 'station.nowPlaying' }), nowPlaying(np),
          controls(id), listen(id))),
      el('section', { class: 'card' }, el('h2', { 'data-i18n': 'station.history' }),
        table(['station.when', 'station.kind', 'station.detail'], history.body.map(h => [when(h.at), h.kind, h.detail]))),
      el('section', { class: 'card' }, el('h2', { 'data-i18n': 'station.asrun' }),
        table(['station.when', 'station.title', 'station.class', 'station.event', 'station.reason'],
          asrun.body.slice(-50).reverse().map(e => [when(e.time), e.title, e.priority, e.event, e.reason]))));
    translate(box);
  };
  await render();
  onEvent(e => { if (e.station === id) render(); });
}

function yes(v) { return v === undefined ? '–' : t(v ? 'common.yes' : 'common.no'); }

function fields(rows) {
  return el('dl', { class: 'fields' }, ...rows.flatMap(([k, v]) => [el('dt', { 'data-i18n': k }), el('dd', {}, v ?? '–')]));
}

function table(heads, rows) {
  return el('table', { class: 'list' }, el('tr', {}, ...heads.map(h => el('th', { 'data-i18n': h }))),
    ...rows.map(r => el('tr', {}, ...r.map(c => el('td', {}, c ?? '')))));
}

function nowPlaying(np) {
  if (!np) return el('p', { id: 'now-playing', 'data-i18n': 'station.silent' });
  const share = np.durationMs ? Math.min(100, 100 * np.offsetMs / np.durationMs) : 0;
  return el('div', { id: 'now-playing' }, el('p', {}, el('b', {}, np.title), ` · ${np.priority} · ${duration(np.offsetMs)} / ${duration(np.durationMs)}`),
    el('div', { class: 'progress' }, el('div', { style: `width:${share}%` })));
}

function controls(id) {
  if (!can('device')) return el('p', { 'data-i18n': 'station.noDeviceRights' });
  const send = async (command, argument, confirmKey) => {
    if (confirmKey && !confirm(t(confirmKey))) return;
    const r = await api('POST', '/api/stations/' + encodeURIComponent(id) + '/commands', { command, argument });
    notify(r.status === 200 ? t('station.done', { command }) : (r.body.error || r.body.detail || r.body.result), r.status === 200 ? 'info' : 'error');
  };
  const volume = el('input', { type: 'range', min: 0, max: 100, value: 60, id: 'volume' });
  return el('div', { class: 'controls' },
    el('label', { for: 'volume', 'data-i18n': 'station.volume' }), volume,
    el('button', { type: 'button', onclick: () => send('SET_VOLUME', Number(volume.value)), 'data-i18n': 'station.setVolume' }),
    el('button', { type: 'button', onclick: () => send('MUTE', 0), 'data-i18n': 'station.mute' }),
    el('button', { type: 'button', onclick: () => send('UNMUTE', 0), 'data-i18n': 'station.unmute' }),
    el('button', { type: 'button', onclick: () => send('AMPLIFIER_ON', 0), 'data-i18n': 'station.ampOn' }),
    el('button', { type: 'button', onclick: () => send('AMPLIFIER_OFF', 0), 'data-i18n': 'station.ampOff' }),
    el('button', { type: 'button', onclick: () => send('TEST_TONE', 5), 'data-i18n': 'station.testTone' }),
    el('button', { type: 'button', class: 'danger', onclick: () => send('REBOOT', 0, 'station.confirmReboot'), 'data-i18n': 'station.reboot' }));
}

function listen(id) {
  const audio = el('audio', { controls: true, id: 'listen-audio' });
  return el('div', { class: 'listen' },
    el('button', { type: 'button', id: 'listen', onclick: async () => {
      const r = await api('POST', '/api/stations/' + encodeURIComponent(id) + '/listen');
      if (r.status === 200) { audio.src = r.body.url; audio.play().catch(() => {}); }
      else notify(r.body.error, 'error');
    }, 'data-i18n': 'station.listen' }), audio);
}
