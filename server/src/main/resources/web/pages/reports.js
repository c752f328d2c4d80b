import { api, el, refusal, t, when } from '/web/app.js';
import { useStationsCss } from '/web/pages/overview.js';
import { detailText } from '/web/pages/station.js';

// The figures communes report upward: airtime per commune (a chart with axes, values and a legend),
// alerts with reach and latency, and faults (drop-offs and fault flags, with when they cleared);
// each table can be saved as CSV.
const COLOURS = ['#0d47a1', '#2e7d32', '#b45309', '#6a1b9a', '#00838f', '#ad1457', '#37474f'];

export default async function reports(view) {
  useStationsCss();
  const group = el('select', { id: 'r-group' }, el('option', { value: 'day' }, t('reports.byDay')), el('option', { value: 'month' }, t('reports.byMonth')));
  const days = el('input', { id: 'r-days', type: 'number', value: 30, min: 1, max: 366, inputmode: 'numeric' });
  const chart = el('div', { id: 'airtime-chart', class: 'chart-box' });
  const tables = el('div', {});
  const error = el('p', { class: 'error', role: 'alert', id: 'reports-error' });
  view.append(el('h1', {}, t('reports.title')),
    el('div', { class: 'filters' }, el('label', { for: 'r-group' }, t('reports.group')), group,
      el('label', { for: 'r-days' }, t('reports.days')), days), error, chart, tables);
  const stations = await api('GET', '/api/stations');
  const names = new Map((stations.body || []).map(s => [s.id, s.name]));
  let last = [];
  const refresh = async () => {
    const from = new Date(Date.now() - Math.max(1, Number(days.value) || 30) * 864e5).toISOString();
    const [airtime, alerts, faults] = await Promise.all([api('GET', `/api/reports/airtime?group=${group.value}&from=${from}`),
      api('GET', '/api/reports/alerts'), api('GET', `/api/reports/faults?from=${from}`)]);
    const failed = [airtime, alerts, faults].find(r => r.status !== 200);
    error.textContent = failed ? refusal(failed.body) : '';
    if (failed) return;
    last = airtime.body;
    drawChart(chart, last, group.value);
    tables.replaceChildren(
      section('reports.airtime', 'airtime', ['reports.commune', 'reports.period', 'reports.minutes', 'reports.sessions'],
        airtime.body.map(a => [a.commune, period(a.period), minutes(a.seconds), a.sessions])),
      section('reports.alerts', 'alerts', ['reports.alert', 'reports.state', 'reports.liveAt', 'reports.targeted', 'reports.reached', 'reports.latencyS', 'reports.maxLatencyS'],
        alerts.body.map(a => [a.title, t('alertState.' + a.state), when(a.activatedAt), a.targeted, a.reached, seconds(a.medianLatencyMs), seconds(a.maxLatencyMs)])),
      section('reports.faults', 'faults', ['reports.when', 'reports.station', 'reports.kind', 'reports.detail', 'reports.cleared'],
        faults.body.map(f => [when(f.at), names.get(f.station) || f.station, faultKind(f), f.kind === 'OFFLINE' ? detailText('OFFLINE', f.detail) : '',
          f.clearedAt ? when(f.clearedAt) : t('reports.stillOpen')]), faults.body.map(f => f.clearedAt ? '' : 'open-fault')));
  };
  group.addEventListener('change', refresh);
  days.addEventListener('change', refresh);
  let width = chart.clientWidth;
  new ResizeObserver(() => { if (chart.clientWidth !== width) { width = chart.clientWidth; drawChart(chart, last, group.value); } }).observe(chart);
  await refresh();
}

function faultKind(f) {
  if (f.kind === 'OFFLINE') return t('reports.kind.offline');
  return (f.detail || '').split(',').map(s => s.trim()).map(flag => flag === 'speakerLineFault' ? t('reports.kind.line')
    : flag === 'amplifierFault' ? t('reports.kind.amp') : flag).join(', ');
}

/** "29/11" for a day, "11/2026" for a month, as the server groups them (yyyy-MM-dd, yyyy-MM). */
function period(p) {
  const [y, m, d] = String(p).split('-');
  return d ? `${d}/${m}` : `${m}/${y}`;
}

function minutes(s) {
  return (s / 60).toLocaleString('vi-VN', { maximumFractionDigits: s < 600 ? 2 : 1 });
}

function seconds(ms) {
  return ms === null || ms === undefined ? '–' : (ms / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
}

// Minutes per commune per period as grouped bars: a y axis in minutes with gridlines, periods on the
// x axis, each bar's value above it when there is room, communes in the legend. Drawn at the box's width.
function drawChart(box, rows, grouping) {
  const ns = 'http://www.w3.org/2000/svg';
  const periods = [...new Set(rows.map(r => r.period))].sort();
  const communes = [...new Set(rows.map(r => r.commune))].sort((a, b) => a.localeCompare(b, 'vi'));
  if (!rows.length) { box.replaceChildren(el('p', { class: 'muted' }, t('reports.nothing'))); return; }
  const W = Math.max(280, (box.clientWidth || 600) - 16), H = Math.min(300, Math.max(200, W * 0.45));
  const left = 48, right = 8, top = 22, bottom = 42;
  const max = niceMax(Math.max(...rows.map(r => r.seconds / 60)));
  const plotW = W - left - right, plotH = H - top - bottom;
  const slot = plotW / periods.length;
  const bar = Math.max(2, Math.min(40, slot * 0.8 / communes.length));
  const svg = document.createElementNS(ns, 'svg');
  const add = (tag, attrs, text) => {
    const n = document.createElementNS(ns, tag);
    Object.entries(attrs).forEach(([k, v]) => n.setAttribute(k, v));
    if (text !== undefined) n.textContent = text;
    svg.append(n);
    return n;
  };
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('class', 'chart2');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t('reports.chartLabel'));
  for (let i = 0; i <= 4; i++) {
    const v = max * i / 4, y = top + plotH - plotH * i / 4;
    add('line', { x1: left, x2: W - right, y1: y, y2: y, class: i ? 'grid' : 'axis' });
    add('text', { x: left - 6, y: y + 4, 'text-anchor': 'end' }, v.toLocaleString('vi-VN', { maximumFractionDigits: max < 2 ? 2 : 1 }));
  }
  add('line', { x1: left, x2: left, y1: top, y2: top + plotH, class: 'axis' });
  add('text', { x: 4, y: 12 }, t('reports.axisMinutes'));
  add('text', { x: left + plotW / 2, y: H - 4, 'text-anchor': 'middle' }, t(grouping === 'month' ? 'reports.axisMonth' : 'reports.axisDay'));
  const every = Math.ceil(periods.length / Math.max(1, Math.floor(plotW / 44)));
  periods.forEach((p, i) => {
    const x0 = left + i * slot + (slot - bar * communes.length) / 2;
    communes.forEach((c, j) => {
      const row = rows.find(r => r.period === p && r.commune === c);
      if (!row) return;
      const v = row.seconds / 60, h = plotH * v / max, x = x0 + j * bar;
      const rect = add('rect', { x, y: top + plotH - h, width: Math.max(1, bar - 2), height: h, fill: COLOURS[j % COLOURS.length] });
      const tip = document.createElementNS(ns, 'title');
      tip.textContent = t('reports.barTip', { commune: c, period: period(p), minutes: minutes(row.seconds) });
      rect.append(tip);
      if (bar >= 22) add('text', { x: x + (bar - 2) / 2, y: top + plotH - h - 4, class: 'value' }, minutes(row.seconds));
    });
    if (i % every === 0) add('text', { x: left + i * slot + slot / 2, y: top + plotH + 16, 'text-anchor': 'middle' }, period(p));
  });
  const legend = el('ul', { class: 'chart-legend', 'aria-label': t('reports.legend') },
    ...communes.map((c, j) => el('li', {}, el('span', { class: 'swatch', style: `background:${COLOURS[j % COLOURS.length]}` }), c)));
  box.replaceChildren(el('h2', {}, t('reports.chartTitle')), svg, legend);
}

function niceMax(v) {
  if (v <= 0) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  return [1, 2, 2.5, 5, 10].map(m => m * p).find(m => m >= v);
}

function section(titleKey, name, heads, rows, classes = []) {
  const csv = () => {
    const lines = [heads.map(h => t(h)), ...rows].map(r => r.map(c => `"${String(c ?? '').replace(/"/g, '""')}"`).join(','));
    const link = el('a', { href: URL.createObjectURL(new Blob(['\ufeff' + lines.join('\r\n')], { type: 'text/csv' })), download: `loa-${name}.csv` });
    link.click();
  };
  return el('section', { class: 'card', id: 'report-' + name }, el('h2', {}, t(titleKey)),
    el('button', { type: 'button', class: 'csv', id: 'csv-' + name, onclick: csv }, t('reports.csv')),
    rows.length ? el('table', { class: 'list report-table', id: 'table-' + name }, el('thead', {}, el('tr', {}, ...heads.map(k => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, ...rows.map((r, i) => el('tr', { class: classes[i] || '' }, ...r.map((c, j) => el('td', { 'data-label': t(heads[j]) }, c ?? ''))))))
      : el('p', { class: 'muted' }, t('reports.none')));
}
