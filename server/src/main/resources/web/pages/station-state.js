import { el, t } from '/web/app.js';

// What villagers hear from a station, as one state used by the list, the map, the counts and the
// station page. A station playing while muted or with its amplifier off is not "playing": nobody hears it.
// Order matters: the first that holds is what a technician must act on.
export const STATES = ['playing', 'idle', 'muted', 'ampOff', 'fault', 'offline', 'disabled'];

/** {key, label, emergency, playing}: key one of STATES; label in the reader's words. */
export function stationState(s) {
  const st = s.status || {};
  const playing = !!(s.online && s.nowPlaying);
  const emergency = playing && s.nowPlaying.priority === 'EMERGENCY';
  const result = (key, label) => ({ key, label: t(label), emergency, playing });
  if (s.enabled === false) return { key: 'disabled', label: t('overview.s.disabled'), emergency: false, playing: false };
  if (!s.online) return { key: 'offline', label: t('overview.s.offline'), emergency: false, playing: false };
  if (st.speakerLineFault && st.amplifierFault) return result('fault', 'overview.s.faultBoth');
  if (st.speakerLineFault) return result('fault', 'overview.s.faultLine');
  if (st.amplifierFault) return result('fault', 'overview.s.faultAmp');
  if (st.amplifierOn === false) return result('ampOff', playing ? 'overview.s.playingAmpOff' : 'overview.s.ampOff');
  if (st.muted) return result('muted', playing ? 'overview.s.playingMuted' : 'overview.s.muted');
  if (playing) return result('playing', emergency ? 'overview.s.playingEmergency' : 'overview.s.playing');
  return result('idle', 'overview.s.idle');
}

/** A station counts as online when it is connected, whatever it plays; disabled ones do not count. */
export function isOnline(s) {
  return s.enabled !== false && !!s.online;
}

const NS = 'http://www.w3.org/2000/svg';

/** The shape of a state, so it never rests on colour alone (drawn at 0,0 within radius r). */
export function shape(key, r = 7, emergency = false) {
  const g = document.createElementNS(NS, 'g');
  g.setAttribute('class', 'shape shape-' + key + (emergency ? ' shape-emergency' : ''));
  const add = (tag, attrs) => {
    const n = document.createElementNS(NS, tag);
    Object.entries(attrs).forEach(([k, v]) => n.setAttribute(k, v));
    g.append(n);
    return n;
  };
  const k = r * 0.7;
  switch (key) {
    case 'playing': add('polygon', { points: `${-r * 0.7},${-r} ${r},0 ${-r * 0.7},${r}` }); break;
    case 'idle': add('circle', { r }); break;
    case 'muted': add('circle', { r, class: 'hollow' }); add('line', { x1: -k, y1: k, x2: k, y2: -k }); break;
    case 'ampOff': add('rect', { x: -r * 0.85, y: -r * 0.85, width: r * 1.7, height: r * 1.7, class: 'hollow' }); add('line', { x1: -k, y1: 0, x2: k, y2: 0 }); break;
    case 'fault': add('polygon', { points: `0,${-r} ${r},${r * 0.85} ${-r},${r * 0.85}` }); add('line', { x1: 0, y1: -r * 0.25, x2: 0, y2: r * 0.3, class: 'mark' }); add('circle', { cy: r * 0.62, r: r * 0.1, class: 'mark' }); break;
    case 'offline': add('line', { x1: -k, y1: -k, x2: k, y2: k }); add('line', { x1: -k, y1: k, x2: k, y2: -k }); break;
    default: add('rect', { x: -r, y: -r * 0.3, width: 2 * r, height: r * 0.6 }); // disabled: a bar
  }
  if (emergency) add('circle', { r: r + 3, class: 'ring' });
  return g;
}

/** The state's icon for a list or a legend (decorative: the text beside it says the state). */
export function icon(key, emergency = false) {
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', '-11 -11 22 22');
  svg.setAttribute('class', 'state-icon st-' + key);
  svg.setAttribute('aria-hidden', 'true');
  svg.append(shape(key, 7, emergency));
  return svg;
}

/** Icon and words of a station's state, as one badge. */
export function badge(s, id) {
  const st = stationState(s);
  return el('span', { class: `state-badge st-${st.key}${st.emergency ? ' emergency' : ''}`, id, dataset: { state: st.key } },
    icon(st.key, st.emergency), st.label);
}

/** The commune a station belongs to: {id, name}. */
export function communeOf(s) {
  const c = (s.areaPath || []).find(a => a.level === 'commune') || (s.areaPath || [])[s.areaPath.length - 1];
  return c ? { id: c.id, name: c.name } : { id: '', name: '–' };
}
