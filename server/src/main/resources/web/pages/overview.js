import { api, el, onEvent, t, translate } from '/web/app.js';
import { stationMap } from '/web/map.js';
import { badge, communeOf, icon, isOnline, stationState, STATES } from '/web/pages/station-state.js';

// Every station in the user's scope: counts at the top, a list grouped by commune ("Xã A 6/7 trực
// tuyến"), disabled stations apart, and a drawn map; live updates re-read only the station an event names.
export function useStationsCss() {
  if (!document.getElementById('stations-css')) {
    document.head.append(el('link', { id: 'stations-css', rel: 'stylesheet', href: '/web/pages/stations.css' }));
  }
}

export default async function overview(view) {
  useStationsCss();
  const [stations, areas] = await Promise.all([api('GET', '/api/stations'), api('GET', '/api/areas')]);
  const byId = new Map(stations.body.map(s => [s.id, s]));
  const counts = el('div', { class: 'counts', id: 'counts' });
  const areaFilter = el('select', { id: 'filter-area' }, el('option', { value: '', 'data-i18n': 'overview.allAreas' }));
  flatten(areas.body).forEach(a => areaFilter.append(el('option', { value: a.id }, '\u00a0'.repeat(a.depth * 2) + a.name)));
  const stateFilter = el('select', { id: 'filter-state' }, el('option', { value: '', 'data-i18n': 'overview.allStates' }),
    ...STATES.map(s => el('option', { value: s, 'data-i18n': 'overview.legend.' + s })));
  const table = el('table', { id: 'stations', class: 'list stations' });
  const mapBox = el('div', { id: 'map', class: 'smap-box' });
  view.append(el('h1', { 'data-i18n': 'overview.title' }), counts,
    el('div', { class: 'filters' }, el('label', { for: 'filter-area', 'data-i18n': 'overview.area' }), areaFilter,
      el('label', { for: 'filter-state', 'data-i18n': 'overview.state' }), stateFilter),
    el('div', { class: 'overview-split' },
      el('section', { class: 'pane', 'aria-labelledby': 'list-title' }, el('h2', { id: 'list-title', class: 'sr-only', 'data-i18n': 'overview.listTitle' }), table),
      el('section', { class: 'pane', 'aria-labelledby': 'map-title' }, el('h2', { id: 'map-title', 'data-i18n': 'overview.map.title' }), mapBox)));
  translate(view);

  const map = stationMap(mapBox);
  const render = () => {
    const all = stations.body;
    const area = areaFilter.value;
    const wanted = stateFilter.value;
    const shown = all.filter(s => (!area || s.areaPath.some(p => p.id === area)) && (!wanted || stationState(s).key === wanted));
    counts.replaceChildren(...countBoxes(all));
    table.replaceChildren(el('thead', {}, el('tr', {}, ...['overview.station', 'overview.stateCol', 'overview.playing', 'overview.volume']
      .map(k => el('th', { scope: 'col' }, t(k))))), ...groups(all, shown));
    map.update(shown, all);
  };
  areaFilter.addEventListener('change', render);
  stateFilter.addEventListener('change', render);
  render();

  // Live: each event re-reads only the station it names.
  onEvent(async event => {
    if (!event.station || !byId.has(event.station)) return;
    const fresh = await api('GET', '/api/stations/' + encodeURIComponent(event.station));
    if (fresh.status !== 200) return;
    const i = stations.body.findIndex(s => s.id === event.station);
    stations.body[i] = fresh.body;
    byId.set(event.station, fresh.body);
    render();
  });
}

// "20/20 trực tuyến", then how many villagers hear, how many are muted, off, faulty, offline; the
// disabled are named apart and never counted among stations.
function countBoxes(all) {
  const active = all.filter(s => s.enabled !== false);
  const n = key => active.filter(s => stationState(s).key === key).length;
  const box = (key, value, label, extra) => el('span', { class: 'count st-' + key, id: 'count-' + key }, icon(key === 'online' ? 'idle' : key),
    el('b', {}, String(value)), extra || '', ' ', label);
  const disabled = all.length - active.length;
  return [
    box('online', active.filter(isOnline).length, t('overview.count.online'), '/' + active.length),
    ...['playing', 'muted', 'ampOff', 'fault', 'offline'].map(k => box(k, n(k), t('overview.count.' + k))),
    disabled ? el('span', { class: 'count apart st-disabled', id: 'count-disabled' }, t('overview.count.disabled', { n: disabled })) : ''];
}

// One body per commune with its header ("Xã A — 6/7 trực tuyến"), then the disabled stations apart.
function groups(all, shown) {
  const communes = new Map();
  for (const s of all.filter(s => s.enabled !== false)) {
    const c = communeOf(s);
    if (!communes.has(c.id)) communes.set(c.id, { ...c, all: [] });
    communes.get(c.id).all.push(s);
  }
  const bodies = [];
  for (const c of [...communes.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'))) {
    const rows = shown.filter(s => s.enabled !== false && communeOf(s).id === c.id);
    if (!rows.length) continue;
    const online = c.all.filter(isOnline).length;
    bodies.push(el('tbody', { id: 'group-' + c.id, class: 'group' + (online < c.all.length ? ' partial' : '') },
      el('tr', { class: 'group-head' }, el('th', { colspan: 4, scope: 'rowgroup' }, el('span', { class: 'group-name' }, c.name), ' ',
        el('span', { class: 'group-count', id: 'group-count-' + c.id }, t('overview.group.online', { online, total: c.all.length })))),
      ...rows.map(row)));
  }
  const disabled = shown.filter(s => s.enabled === false);
  if (disabled.length) {
    bodies.push(el('tbody', { id: 'group-disabled', class: 'group disabled' },
      el('tr', { class: 'group-head' }, el('th', { colspan: 4, scope: 'rowgroup' }, t('overview.group.disabled', { n: disabled.length }))),
      ...disabled.map(row)));
  }
  return bodies;
}

function row(s) {
  const st = stationState(s);
  const volume = s.online && s.status ? String(s.status.volume) : '–';
  return el('tr', { id: 'row-' + s.id, class: `station-row st-${st.key}${st.emergency ? ' emergency' : ''}`, dataset: { state: st.key } },
    el('td', { class: 'name' }, el('a', { href: '#/station/' + encodeURIComponent(s.id) }, s.name)),
    el('td', { class: 'state', 'data-label': t('overview.stateCol') }, badge(s)),
    el('td', { class: 'programme', 'data-label': t('overview.playing') }, programme(s, st)),
    el('td', { class: 'volume', 'data-label': t('overview.volume') }, volume));
}

/** What the station airs; an offline or disabled station airs nothing, whatever the server last knew. */
export function programme(s, st = stationState(s)) {
  if (!st.playing || st.key === 'offline' || st.key === 'disabled') return el('span', { class: 'muted' }, '–');
  const np = s.nowPlaying;
  return el('span', {}, st.emergency ? el('strong', { class: 'emergency-tag' }, t('overview.emergencyTag')) : '',
    st.emergency ? ' ' : '', np.title, st.emergency ? '' : el('span', { class: 'muted' }, ' · ', t('overview.class.' + np.priority)));
}

function flatten(areas, depth = 0, out = []) {
  for (const a of areas) {
    out.push({ id: a.id, name: a.name, depth });
    flatten(a.children || [], depth + 1, out);
  }
  return out;
}
