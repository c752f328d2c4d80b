import { el, t } from '/web/app.js';
import { communeOf, icon, isOnline, shape, stationState, STATES } from '/web/pages/station-state.js';

// The stations on a plain drawn map: no tiles to load (a commune office may have no network beyond
// the server, CI has none), commune names on their clusters with counts ("Xã A 6/7"), one shape and
// colour per state, a legend, and markers that are links: Tab reaches them, Enter opens the station.
// Stations lie where their coordinates put them; those that would sit on top of each other (or have
// none) are set around their commune so each stays visible and reachable.

const NS = 'http://www.w3.org/2000/svg';
const GAP = 26; // px between marker centres

export function stationMap(box) {
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('class', 'smap');
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', t('overview.map.label'));
  const legend = el('ul', { class: 'smap-legend', 'aria-label': t('overview.map.legend') },
    ...STATES.filter(k => k !== 'disabled').map(k => el('li', { class: 'st-' + k }, icon(k), t('overview.legend.' + k))),
    el('li', { class: 'st-playing emergency' }, icon('playing', true), t('overview.legend.emergency')));
  const note = el('p', { class: 'muted smap-note' });
  box.replaceChildren(svg, legend, note);
  let last = [], everyone = [];
  // Markers for the stations shown; a cluster counts every station of its commune, whatever the filter.
  const draw = (stations, all = stations) => {
    last = stations; everyone = all;
    const focused = document.activeElement?.closest?.('a.marker')?.dataset.id;
    render(svg, stations.filter(s => s.enabled !== false), all.filter(s => s.enabled !== false), Math.max(300, box.clientWidth || 600));
    note.textContent = stations.some(s => s.enabled !== false && !(s.lat && s.lon)) ? t('overview.map.noPosition') : '';
    if (focused) svg.querySelector(`a.marker[data-id="${CSS.escape(focused)}"]`)?.focus();
  };
  let width = box.clientWidth;
  new ResizeObserver(() => { if (box.clientWidth !== width) { width = box.clientWidth; draw(last, everyone); } }).observe(box);
  return { update: draw };
}

function render(svg, stations, all, width) {
  const communes = new Map();
  for (const s of stations) {
    const c = communeOf(s);
    if (!communes.has(c.id)) communes.set(c.id, { ...c, stations: [] });
    communes.get(c.id).stations.push(s);
  }
  if (!communes.size) {
    svg.setAttribute('viewBox', `0 0 ${width} 60`);
    const empty = document.createElementNS(NS, 'text');
    Object.entries({ x: width / 2, y: 34, class: 'cluster-name' }).forEach(([k, v]) => empty.setAttribute(k, v));
    empty.textContent = t('overview.map.empty');
    svg.replaceChildren(empty);
    return;
  }
  const height = Math.round(Math.min(520, Math.max(320, width * 0.7)));
  const project = projection(stations, width, height);
  // Commune centres from their stations' positions, pushed apart until their clusters do not overlap.
  const groups = [...communes.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  groups.forEach((g, i) => {
    const pts = g.stations.map(project).filter(Boolean);
    const angle = 2 * Math.PI * i / groups.length;
    g.x = pts.length ? avg(pts.map(p => p[0])) : width / 2 + Math.cos(angle) * width / 4;
    g.y = pts.length ? avg(pts.map(p => p[1])) : height / 2 + Math.sin(angle) * height / 4;
    g.radius = GAP * (Math.ceil(Math.sqrt(g.stations.length)) * 0.75 + 0.9);
    g.shiftX = g.x; g.shiftY = g.y;
  });
  // Communes whose stations all share one spot start side by side rather than on top of each other.
  const together = groups.filter(g => groups.some(o => o !== g && Math.hypot(o.x - g.x, o.y - g.y) < 1));
  const cell = Math.max(0, ...together.map(g => 2 * g.radius + 40));
  const cols = Math.max(1, Math.min(together.length, Math.floor(width / cell)));
  const rows = Math.ceil(together.length / cols);
  together.forEach((g, i) => {
    const c = i % cols, r = Math.floor(i / cols);
    g.x += (c - (cols - 1) / 2) * cell;
    g.y += (r - (rows - 1) / 2) * cell + (cols > 1 ? (c % 2 ? 16 : -16) : 0);
  });
  for (let round = 0; round < 60; round++) {
    let moved = false;
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const a = groups[i], b = groups[j];
        let dx = b.x - a.x, dy = b.y - a.y, d = Math.hypot(dx, dy);
        const need = a.radius + b.radius + 28;
        if (d >= need) continue;
        if (d < 0.01) { const ang = 2 * Math.PI * (j - i) / groups.length; dx = Math.cos(ang); dy = Math.sin(ang); d = 1; }
        const push = (need - d) / 2;
        a.x -= dx / d * push; a.y -= dy / d * push;
        b.x += dx / d * push; b.y += dy / d * push;
        moved = true;
      }
    }
    if (!moved) break;
  }
  // Markers: each at its position moved with its commune; a taken spot sends it round a spiral.
  const placed = [];
  for (const g of groups) {
    g.markers = [];
    const sorted = [...g.stations].sort((a, b) => a.id.localeCompare(b.id));
    for (const s of sorted) {
      const p = project(s);
      let x = p ? p[0] + g.x - g.shiftX : g.x, y = p ? p[1] + g.y - g.shiftY : g.y;
      for (let k = 0; placed.some(q => Math.hypot(q[0] - x, q[1] - y) < GAP); k++) {
        const ring = Math.floor(Math.sqrt(k)) + 1, ang = k * 2.4;
        x = (p ? p[0] + g.x - g.shiftX : g.x) + Math.cos(ang) * ring * GAP * 0.8;
        y = (p ? p[1] + g.y - g.shiftY : g.y) + Math.sin(ang) * ring * GAP * 0.8;
      }
      placed.push([x, y]);
      g.markers.push({ s, x, y });
    }
    g.cx = avg(g.markers.map(m => m.x));
    g.cy = avg(g.markers.map(m => m.y));
    g.r = Math.max(...g.markers.map(m => Math.hypot(m.x - g.cx, m.y - g.cy))) + GAP * 0.9;
  }
  // Fit everything (clusters and their labels) in the view.
  const minX = Math.min(...groups.map(g => g.cx - g.r), 0), maxX = Math.max(...groups.map(g => g.cx + g.r), width);
  const minY = Math.min(...groups.map(g => g.cy - g.r - 30)), maxY = Math.max(...groups.map(g => g.cy + g.r)); // as tall as the clusters need
  svg.setAttribute('viewBox', `${minX - 8} ${minY - 8} ${maxX - minX + 16} ${maxY - minY + 16}`);
  svg.replaceChildren();
  const node = (tag, attrs, parent = svg) => {
    const n = document.createElementNS(NS, tag);
    Object.entries(attrs).forEach(([k, v]) => n.setAttribute(k, v));
    parent.append(n);
    return n;
  };
  node('rect', { x: minX - 8, y: minY - 8, width: maxX - minX + 16, height: maxY - minY + 16, class: 'smap-ground' });
  for (const g of groups) {
    const members = all.filter(s => communeOf(s).id === g.id);
    const online = members.filter(isOnline).length;
    const cluster = node('g', { class: 'cluster' + (online < members.length ? ' partial' : ''), id: 'cluster-' + g.id, 'data-online': online, 'data-total': members.length });
    node('circle', { cx: g.cx, cy: g.cy, r: g.r, class: 'cluster-area' }, cluster);
    const label = node('text', { x: g.cx, y: g.cy - g.r - 8, class: 'cluster-name' }, cluster);
    label.textContent = `${g.name} ${online}/${members.length}`;
    node('title', {}, cluster).textContent = t('overview.map.cluster', { commune: g.name, online, total: members.length });
    for (const m of g.markers) {
      const st = stationState(m.s);
      const a = node('a', { href: '#/station/' + encodeURIComponent(m.s.id), class: `marker st-${st.key}${st.emergency ? ' emergency' : ''}`,
        'data-id': m.s.id, 'data-state': st.key, 'aria-label': `${m.s.name}, ${g.name}: ${st.label}`, transform: `translate(${m.x} ${m.y})` });
      node('circle', { r: GAP / 2, class: 'hit' }, a);
      node('circle', { r: GAP / 2 + 1, class: 'focus-ring' }, a);
      a.append(shape(st.key, 8, st.emergency));
      node('title', {}, a).textContent = `${m.s.name}: ${st.label}`;
    }
  }
}

// Equirectangular, scaled to the view with a margin; null for a station without coordinates.
function projection(stations, width, height) {
  const located = stations.filter(s => s.lat && s.lon);
  if (!located.length) return () => null;
  const lats = located.map(s => s.lat), lons = located.map(s => s.lon);
  const minLat = Math.min(...lats), maxLat = Math.max(...lats), minLon = Math.min(...lons), maxLon = Math.max(...lons);
  const k = Math.cos(avg(lats) * Math.PI / 180);
  const spanX = Math.max((maxLon - minLon) * k, 1e-6), spanY = Math.max(maxLat - minLat, 1e-6);
  const margin = 70;
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  const offX = (width - spanX * scale) / 2, offY = (height - spanY * scale) / 2;
  const degenerate = spanX < 1e-4 && spanY < 1e-4; // all at one point: nothing to scale, centre them
  return s => !(s.lat && s.lon) ? null : degenerate ? [width / 2, height / 2]
    : [offX + (s.lon - minLon) * k * scale, offY + (maxLat - s.lat) * scale];
}

function avg(xs) {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
