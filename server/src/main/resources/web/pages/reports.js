import { api, el, t, translate, when } from '/web/app.js';

// The figures communes report upward: airtime per commune (chart), alerts with reach and latency,
// faults; each table can be saved as CSV.
export default async function reports(view) {
  const group = el('select', { id: 'r-group' }, el('option', { value: 'day', 'data-i18n': 'reports.byDay' }), el('option', { value: 'month', 'data-i18n': 'reports.byMonth' }));
  const days = el('input', { id: 'r-days', type: 'number', value: 30, min: 1, max: 366 });
  const chart = el('div', { id: 'airtime-chart' });
  const tables = el('div', {});
  view.append(el('h1', { 'data-i18n': 'reports.title' }),
    el('div', { class: 'filters' }, el('label', { 'data-i18n': 'reports.group' }), group, el('label', { 'data-i18n': 'reports.days' }), days), chart, tables);
  const refresh = async () => {
    const from = new Date(Date.now() - Number(days.value) * 864e5).toISOString();
    const [airtime, alerts, faults] = await Promise.all([api('GET', `/api/reports/airtime?group=${group.value}&from=${from}`),
      api('GET', '/api/reports/alerts'), api('GET', `/api/reports/faults?from=${from}`)]);
    chart.replaceChildren(bars(airtime.body));
    tables.replaceChildren(
      section('reports.airtime', 'airtime', ['reports.commune', 'reports.period', 'reports.minutes', 'reports.sessions'],
        airtime.body.map(a => [a.commune, a.period, (a.seconds / 60).toFixed(1), a.sessions])),
      section('reports.alerts', 'alerts', ['reports.alert', 'reports.state', 'reports.liveAt', 'reports.targeted', 'reports.reached', 'reports.latency', 'reports.maxLatency'],
        alerts.body.map(a => [a.title, a.state, when(a.activatedAt), a.targeted, a.reached, a.medianLatencyMs ?? '', a.maxLatencyMs ?? ''])),
      section('reports.faults', 'faults', ['reports.when', 'reports.station', 'reports.kind', 'reports.detail'],
        faults.body.map(f => [when(f.at), f.station, f.kind, f.detail])));
    translate(view);
  };
  group.addEventListener('change', refresh);
  days.addEventListener('change', refresh);
  await refresh();
}

// Minutes per commune per period as grouped bars, drawn as SVG by hand.
function bars(rows) {
  const periods = [...new Set(rows.map(r => r.period))].sort();
  const communes = [...new Set(rows.map(r => r.commune))].sort();
  const colours = ['#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#ad1457'];
  const max = Math.max(1, ...rows.map(r => r.seconds / 60));
  const w = Math.max(300, periods.length * (communes.length * 14 + 12)), h = 180;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${w} ${h + 40}`);
  svg.setAttribute('class', 'chart');
  periods.forEach((p, i) => {
    communes.forEach((c, j) => {
      const row = rows.find(r => r.period === p && r.commune === c);
      const v = row ? row.seconds / 60 : 0;
      const rect = document.createElementNS(ns, 'rect');
      const bh = h * v / max;
      Object.entries({ x: 10 + i * (communes.length * 14 + 12) + j * 14, y: h - bh, width: 12, height: bh, fill: colours[j % colours.length] })
        .forEach(([k, val]) => rect.setAttribute(k, val));
      const tip = document.createElementNS(ns, 'title');
      tip.textContent = `${c} ${p}: ${v.toFixed(1)} min`;
      rect.append(tip);
      svg.append(rect);
    });
    const label = document.createElementNS(ns, 'text');
    label.setAttribute('x', 10 + i * (communes.length * 14 + 12));
    label.setAttribute('y', h + 14);
    label.setAttribute('font-size', '10');
    label.textContent = p;
    svg.append(label);
  });
  const legend = el('p', { class: 'legend' }, ...communes.map((c, j) => el('span', { style: `color:${colours[j % colours.length]}` }, '■ ' + c + ' ')));
  return el('div', {}, svg, legend, rows.length ? '' : el('p', { class: 'muted', 'data-i18n': 'reports.nothing' }));
}

function section(titleKey, name, heads, rows) {
  const csv = () => {
    const lines = [heads.map(h => t(h)), ...rows].map(r => r.map(c => `"${String(c ?? '').replace(/"/g, '""')}"`).join(','));
    const link = el('a', { href: URL.createObjectURL(new Blob(['\ufeff' + lines.join('\r\n')], { type: 'text/csv' })), download: `loa-${name}.csv` });
    link.click();
  };
  return el('section', { class: 'card', id: 'report-' + name }, el('h2', { 'data-i18n': titleKey }),
    el('button', { type: 'button', class: 'csv', id: 'csv-' + name, onclick: csv, 'data-i18n': 'reports.csv' }),
    el('table', { class: 'list' }, el('tr', {}, ...heads.map(k => el('th', { 'data-i18n': k }))),
      ...rows.map(r => el('tr', {}, ...r.map(c => el('td', {}, c ?? ''))))));
}
