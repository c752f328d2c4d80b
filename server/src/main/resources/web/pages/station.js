import { api, can, duration, el, notify, onEvent, refusal, t, when } from '/web/app.js';
import { ask } from '/web/ask.js';
import { badge, communeOf, stationState } from '/web/pages/station-state.js';
import { programme, useStationsCss } from '/web/pages/overview.js';

// One station for a technician: what villagers hear, its status, remote controls, listen-in, history
// and as-run. The page is built once; live events update its parts in place, so the listen-in audio
// and a volume being set are never torn down by a status report.
export default async function station(view, [id]) {
  useStationsCss();
  const path = '/api/stations/' + encodeURIComponent(id);
  const first = await api('GET', path);
  if (first.status !== 200) {
    view.append(el('h1', {}, id), el('p', { class: 'error', role: 'alert' }, refusal(first.body)));
    return;
  }
  const head = el('div', { class: 'station-head' });
  const status = el('dl', { class: 'fields', id: 'station-fields' });
  const now = el('div', { id: 'now-playing', 'aria-live': 'polite' });
  const control = controls(id);
  const history = el('div', { class: 'scroll-x' });
  const asrun = el('div', { class: 'scroll-x' });
  view.append(head, el('div', { class: 'station-grid' },
    el('section', { class: 'card' }, el('h2', {}, t('station.status')), status),
    el('section', { class: 'card' }, el('h2', {}, t('station.nowPlaying')), now, control.node, listen(id))),
  el('section', { class: 'card' }, el('h2', {}, t('station.history')), history),
  el('section', { class: 'card' }, el('h2', {}, t('station.asrun')), asrun));

  const show = s => {
    head.replaceChildren(el('h1', {}, s.name), badge(s, 'station-state'));
    const st = s.status || {};
    const on = s.online;
    status.replaceChildren(...fields([
      ['station.id', s.id], ['station.commune', communeOf(s).name], ['station.lastSeen', when(s.lastSeen)],
      ['station.address', (s.remoteAddress || '').replace(/^\//, '')], ['station.firmware', s.firmware],
      ['station.volume', on ? st.volume : undefined], ['station.muted', on ? yes(st.muted) : undefined],
      ['station.amplifier', on ? yes(st.amplifierOn) : undefined], ['station.speakerFault', on ? yes(st.speakerLineFault) : undefined],
      ['station.ampFault', on ? yes(st.amplifierFault) : undefined], ['station.temperature', on ? decimal(st.temperatureC) : undefined],
      ['station.signal', on ? st.signalDbm : undefined], ['station.link', on && st.link ? linkName(st.link) : undefined],
      ['station.offlineReason', on ? undefined : detailText('OFFLINE', s.offlineReason, s.offlineReasonCode)]]));
    now.replaceChildren(nowPlaying(s));
    control.follow(s);
  };
  const lists = async () => {
    const [h, a] = await Promise.all([api('GET', path + '/history?limit=50'),
      api('GET', '/api/asrun?station=' + encodeURIComponent(id) + '&limit=2000')]);
    if (h.status === 200) {
      history.replaceChildren(table('history', ['station.when', 'station.kind', 'station.detail'],
        h.body.map(e => [when(e.at), word(['event.', 'station.kind.'], e.kind), detailText(e.kind, e.detail, e.reasonCode)])));
    }
    if (a.status === 200) {
      asrun.replaceChildren(table('asrun', ['station.when', 'station.title', 'station.class', 'station.event', 'station.reason'],
        a.body.slice(-50).reverse().map(e => [when(e.time), e.title, word(['class.', 'overview.class.'], e.priority),
          word(['event.', 'station.event.'], e.event), reasonText(e.reason, e.reasonCode)])));
    }
  };
  show(first.body);
  await lists();

  // The programme's position moves between events: tick it locally, once a second, while the page is shown.
  const tick = setInterval(() => {
    if (!view.isConnected || !now.isConnected) { clearInterval(tick); return; }
    const bar = now.querySelector('.progress div'), pos = now.querySelector('.position');
    if (!bar || !pos) return;
    const offset = Math.min(Number(pos.dataset.duration), Number(pos.dataset.offset) + (Date.now() - Number(pos.dataset.since)));
    pos.textContent = `${duration(offset)} / ${duration(Number(pos.dataset.duration))}`;
    bar.style.width = `${Number(pos.dataset.duration) ? Math.min(100, 100 * offset / Number(pos.dataset.duration)) : 0}%`;
  }, 1000);
  let pending = null;
  onEvent(async e => {
    if (e.station !== id) return;
    const fresh = await api('GET', path);
    if (fresh.status === 200) show(fresh.body);
    clearTimeout(pending); // a burst of events reads the lists once
    pending = setTimeout(lists, 800);
  });
}

function has(key) {
  return t(key) !== key;
}

/** A server word (an event, a class, a reason) in the reader's words: the first key that exists, else as is. */
function word(prefixes, value) {
  for (const p of prefixes) if (has(p + value)) return t(p + value);
  return value;
}

function linkName(link) {
  return word(['link.', 'station.link.'], link);
}

function decimal(v) { return v === null || v === undefined ? v : Number(v).toLocaleString('vi-VN', { maximumFractionDigits: 1 }); }

function yes(v) { return v === undefined || v === null ? undefined : t(v ? 'common.yes' : 'common.no'); }

// History details are written by the server for people in English ("volume 40→60, muted false→true",
// "no frame for 1500 ms"): the field names and common reasons read in Vietnamese, numbers kept.
const FIELDS = ['volume', 'muted', 'amplifierOn', 'testTone', 'link', 'speakerLineFault', 'amplifierFault'];
const REASONS = [[/^no frame for (\d+) ms$/, 'station.why.silent'], [/^connection closed by the receiver$/, 'station.why.closed'],
  [/^replaced by a newer connection$/, 'station.why.replaced'], [/^server stopp/, 'station.why.serverStopped'],
  [/^never connected/, 'station.why.never']];

// As-run reasons, likewise written in English by the server; a code the words list knows comes first.
const RUN_REASONS = [[/^preempted by session (\d+) \((\w+)\)$/, 'station.runWhy.preempted'],
  [/^receiver offline; it joins if it reconnects$/, 'station.runWhy.offline'], [/^stopped by request while waiting$/, 'station.runWhy.stoppedWaiting'],
  [/^stopped by request$/, 'station.runWhy.stopped'], [/^receiver reconnected$/, 'station.runWhy.reconnected'],
  [/^receiver connection lost$/, 'station.runWhy.lost'], [/^maximum duration reached$/, 'station.runWhy.maxDuration'],
  [/^receiver not keeping up; audio skipped forward$/, 'station.runWhy.skipped'], [/^policy DROP$/, 'station.runWhy.dropPolicy'],
  [/^server stopped while on air/, 'station.runWhy.serverStopped']];

function reasonText(reason, code) {
  if (code && code !== 'OTHER' && has('reason.' + code)) return t('reason.' + code);
  if (!reason) return '';
  if (has('reason.' + reason)) return t('reason.' + reason);
  for (const [re, key] of RUN_REASONS) {
    const m = reason.match(re);
    if (m) return t(key, { session: m[1], class: m[2] ? word(['class.', 'overview.class.'], m[2]) : '' });
  }
  return reason;
}

export function detailText(kind, detail, code) {
  if (kind === 'OFFLINE' && code && code !== 'OTHER' && has('reason.' + code)) return t('reason.' + code);
  if (!detail) return '';
  if (kind === 'OFFLINE') {
    for (const [re, key] of REASONS) {
      const m = detail.match(re);
      if (m) return t(key, { ms: m[1] });
    }
    return detail;
  }
  if (kind === 'ONLINE') {
    const m = detail.match(/^from (.*), firmware (.*)$/);
    return m ? t('station.why.online', { address: m[1].replace(/^\//, ''), firmware: m[2] }) : detail;
  }
  return detail.split(', ').map(part => {
    const [name, ...rest] = part.split(' ');
    if (!FIELDS.includes(name)) return part;
    const value = rest.join(' ').replace(/\btrue\b/g, t('common.yes')).replace(/\bfalse\b/g, t('common.no'))
      .replace(/\b(ETHERNET|CELLULAR|WIFI)\b/g, linkName);
    return t('station.field.' + name) + (value ? ' ' + value : '');
  }).join(', ');
}

function fields(rows) {
  return rows.filter(([, v]) => v !== undefined).flatMap(([k, v]) => [el('dt', {}, t(k)), el('dd', {}, v === null || v === '' ? '–' : String(v))]);
}

function table(name, heads, rows) {
  if (!rows.length) return el('p', { class: 'muted', id: name + '-empty' }, t('station.none'));
  return el('table', { class: 'list station-table', id: 'station-' + name }, el('thead', {}, el('tr', {}, ...heads.map(h => el('th', { scope: 'col' }, t(h))))),
    el('tbody', {}, ...rows.map(r => el('tr', {}, ...r.map((c, i) => el('td', { 'data-label': t(heads[i]) }, c ?? ''))))));
}

function nowPlaying(s) {
  const st = stationState(s);
  if (!st.playing) return el('p', { class: 'muted' }, t(s.online ? 'station.silent' : 'station.silentOffline'));
  const np = s.nowPlaying;
  const share = np.durationMs ? Math.min(100, 100 * np.offsetMs / np.durationMs) : 0;
  return el('div', { class: st.emergency ? 'emergency' : '' }, el('p', {}, programme(s, st), ' · ',
    el('span', { class: 'position', dataset: { offset: np.offsetMs, duration: np.durationMs, since: Date.now() } }, `${duration(np.offsetMs)} / ${duration(np.durationMs)}`)),
    el('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': Math.round(share), 'aria-label': t('station.progress') },
      el('div', { style: `width:${share}%` })),
    st.key !== 'playing' ? el('p', { class: 'state-badge st-' + st.key }, st.label) : '');
}

// Volume follows the station's real value unless the technician is moving the slider; every command
// answers in words, a refusal by its code.
function controls(id) {
  if (!can('device')) return { node: el('p', {}, t('station.noDeviceRights')), follow: () => {} };
  const result = el('p', { id: 'command-result', role: 'status' });
  let editing = false;
  const volume = el('input', { type: 'range', min: 0, max: 100, step: 1, value: 0, id: 'volume', 'aria-describedby': 'volume-value' });
  const shown = el('output', { id: 'volume-value', for: 'volume' }, '–');
  volume.addEventListener('input', () => { editing = true; shown.textContent = volume.value; });
  const send = async (command, argument) => {
    const name = t('station.cmd.' + command);
    result.textContent = t('station.sending', { command: name });
    const r = await api('POST', '/api/stations/' + encodeURIComponent(id) + '/commands', { command, argument });
    const text = r.status === 200 ? t('station.done', { command: name })
      : r.body?.result && has('station.result.' + r.body.result) ? t('station.result.' + r.body.result, { command: name })
        : refusal(r.body);
    result.textContent = text;
    result.className = r.status === 200 ? 'ok' : 'error';
    if (r.status !== 200) notify(text, 'error'); // success is said beside the buttons
    if (command === 'SET_VOLUME') editing = false;
  };
  const button = (command, argument, extra = {}) => el('button', { type: 'button', id: 'cmd-' + command.toLowerCase().replace(/_/g, '-'),
    onclick: () => send(command, argument()), ...extra }, t('station.cmd.' + command));
  const reboot = el('button', { type: 'button', class: 'danger', id: 'cmd-reboot', onclick: async () => {
    if (await ask(t('station.confirmReboot'), 'station.cmd.REBOOT')) send('REBOOT', 0);
  } }, t('station.cmd.REBOOT'));
  const node = el('div', { class: 'controls', role: 'group', 'aria-label': t('station.controls') },
    el('div', { class: 'row' }, el('label', { for: 'volume' }, t('station.volumeSet')), volume, shown,
      button('SET_VOLUME', () => Number(volume.value))),
    el('div', { class: 'row' }, button('MUTE', () => 0), button('UNMUTE', () => 0), button('AMPLIFIER_ON', () => 0),
      button('AMPLIFIER_OFF', () => 0)),
    el('div', { class: 'row' }, button('TEST_TONE', () => 5), reboot), result);
  const follow = s => {
    const v = s.status?.volume;
    if (!editing && v !== undefined && v !== null && document.activeElement !== volume) {
      volume.value = v;
      shown.textContent = String(v);
    }
  };
  return { node, follow };
}

function listen(id) {
  const audio = el('audio', { controls: true, id: 'listen-audio', 'aria-label': t('station.listenAudio'), preload: 'none' });
  const start = el('button', { type: 'button', id: 'listen' }, t('station.listen'));
  start.addEventListener('click', async () => {
    if (!audio.paused && audio.src) { audio.pause(); audio.removeAttribute('src'); audio.load(); start.textContent = t('station.listen'); return; }
    const r = await api('POST', '/api/stations/' + encodeURIComponent(id) + '/listen');
    if (r.status !== 200) { notify(refusal(r.body), 'error'); return; }
    audio.src = r.body.url;
    audio.play().catch(() => {});
    start.textContent = t('station.listenStop');
  });
  return el('div', { class: 'listen' }, el('h3', {}, t('station.listenTitle')), start, audio);
}
