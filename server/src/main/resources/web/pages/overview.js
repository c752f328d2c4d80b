import { api, el, onEvent, t, translate } from '/web/app.js';

// Every station in the user's scope, as a list and a map, with counts and live updates.
const STATES = ['disabled', 'online', 'playing', 'fault', 'offline'];
const COLOURS = { online: '#2e7d32', playing: '#1565c0', fault: '#ef6c00', offline: '#757575', disabled: '#bdbdbd' };

export function stationState(s) {
  if (s.enabled === false) return 'disabled';
  if (!s.online) return 'offline';
  const st = s.status || {};
  if (st.speakerLineFault || st.amplifierFault) return 'fault';
  return s.nowPlaying ? 'playing' : 'online';
}

export default async function overview(view) {
  const [stations, areas] = await Promise.all([api('GET', '/api/stations'), api('GET', '/api/areas')]);
  const byId = new Map(stations.body.map(s => [s.id, s]));
  const counts = el('div', { class: 'counts' });
  const areaFilter = el('select', { id: 'filter-area' }, el('option', { value: '', 'data-i18n': 'overview.allAreas' }));
  flatten(areas.body).forEach(a => areaFilter.append(el('option', { value: a.id }, '\u00a0'.repeat(a.depth * 2) + a.name)));
  const stateFilter = el('select', { id: 'filter-state' }, el('option', { value: '', 'data-i18n': 'overview.allStates' }),
    ...STATES.map(s => el('option', { value: s, 'data-i18n': 'state.' + s })));
  const table = el('table', { id: 'stations', class: 'list' });
  const mapBox = el('div', { id: 'map' });
  view.append(el('h1', { 'data-i18n': 'overview.title' }), counts,
    el('div', { class: 'filters' }, el('label', { 'data-i18n': 'overview.area' }), areaFilter,
      el('label', { 'data-i18n': 'overview.state' }), stateFilter),
    el('div', { class: 'split' }, el('div', { class: 'pane' }, table), el('div', { class: 'pane' }, mapBox)));

  const map = makeMap(mapBox, stations.body);
  const render = () => {
    const area = areaFilter.value;
    const wanted = stateFilter.value;
    const shown = stations.body.filter(s => (!area || s.areaPath.some(p => p.id === area)) && (!wanted || stationState(s) === wanted));
    counts.replaceChildren(...['online', 'playing', 'fault', 'offline'].map(k => el('span', { class: 'count ' + k, id: 'count-' + k },
      el('b', {}, String(stations.body.filter(s => k === 'online' ? s.online && s.enabled : stationState(s) === k).length)), ' ', t('state.' + k))));
    table.replaceChildren(el('tr', {}, ...['overview.station', 'overview.commune', 'overview.stateCol', 'overview.playing', 'overview.volume']
      .map(k => el('th', { 'data-i18n': k }))),
      ...shown.map(s => el('tr', { id: 'row-' + s.id, class: 'state-' + stationState(s), dataset: { state: stationState(s) } },
        el('td', {}, el('a', { href: '#/station/' + encodeURIComponent(s.id) }, s.name)),
        el('td', {}, commune(s)),
        el('td', { class: 'state' }, t('state.' + stationState(s))),
        el('td', {}, s.nowPlaying ? `${s.nowPlaying.title} (${s.nowPlaying.priority})` : ''),
        el('td', {}, s.status ? String(s.status.volume) : ''))));
    translate(table);
    map.update(shown);
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

function commune(s) {
  const c = (s.areaPath || []).find(a => a.level === 'commune');
  return c ? c.name : (s.areaPath || []).map(a => a.name).join(' › ');
}

function flatten(areas, depth = 0, out = []) {
  for (const a of areas) {
    out.push({ id: a.id, name: a.name, depth });
    flatten(a.children || [], depth + 1, out);
  }
  return out;
}

// Markers coloured by state; zoomed out, one circle per commune with its count. Tiles are optional:
// without them the markers still show on a plain background.
function makeMap(box, stations) {
  const located = stations.filter(s => s.lat && s.lon);
  const map = L.map(box, { zoomControl: true, attributionControl: false });
  L.tileLayer('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', { maxZoom: 18 }).addTo(map);
  if (located.length) {
    map.fitBounds(located.map(s => [s.lat, s.lon]), { padding: [20, 20] });
  } else {
    map.setView([15.6, 108.0], 9);
  }
  const layer = L.layerGroup().addTo(map);
  let shown = stations;
  const draw = () => {
    layer.clearLayers();
    if (map.getZoom() < 12) {
      const groups = new Map();
      for (const s of shown.filter(s => s.lat)) {
        const key = commune(s);
        const g = groups.get(key) || { name: key, lat: 0, lon: 0, n: 0, worst: 'online' };
        g.lat += s.lat; g.lon += s.lon; g.n++;
        const st = stationState(s);
        if (STATES.indexOf(st) > STATES.indexOf(g.worst)) g.worst = st;
        groups.set(key, g);
      }
      for (const g of groups.values()) {
        L.circleMarker([g.lat / g.n, g.lon / g.n], { radius: 10 + Math.sqrt(g.n) * 3, color: COLOURS[g.worst], fillOpacity: 0.5 })
          .bindTooltip(`${g.name}: ${g.n}`, { permanent: true, direction: 'center', className: 'cluster-label' }).addTo(layer);
      }
    } else {
      for (const s of shown.filter(s => s.lat)) {
        L.circleMarker([s.lat, s.lon], { radius: 8, color: COLOURS[stationState(s)], fillOpacity: 0.8, className: 'marker-' + s.id })
          .bindTooltip(`${s.name} — ${t('state.' + stationState(s))}`).on('click', () => { location.hash = '#/station/' + s.id; }).addTo(layer);
      }
    }
  };
  map.on('zoomend', draw);
  return { update: list => { shown = list; draw(); } };
}
