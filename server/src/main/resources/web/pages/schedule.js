import { api, can, el, notify, t, translate } from '/web/app.js';

// The week of a commune: upcoming airings by day and hour, quiet hours greyed, and the entry form with
// the same recurrence, misfire and conflict handling the API offers (conflicts shown before saving).
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

export default async function schedule(view) {
  const [areas, stations, media, playlists, config] = await Promise.all([api('GET', '/api/areas'), api('GET', '/api/stations'),
    api('GET', '/api/media'), api('GET', '/api/playlists'), api('GET', '/api/config')]);
  const communes = [];
  const walk = (list, quiet) => list.forEach(a => {
    const q = a.quietHours ? `${a.quietHours.from}-${a.quietHours.to}` : quiet;
    if (a.level === 'commune') communes.push({ id: a.id, name: a.name, quiet: q });
    walk(a.children || [], q);
  });
  walk(areas.body, config.body.quietHours);
  const reachable = communes.filter(c => stations.body.some(s => s.areaPath.some(p => p.id === c.id)));
  const pickCommune = el('select', { id: 'sched-commune' }, ...reachable.map(c => el('option', { value: c.id }, c.name)));
  let weekStart = monday(new Date());
  const calendar = el('div', { id: 'calendar', class: 'calendar' });
  const entries = el('div', { id: 'entries' });
  const form = entryForm(reachable, media.body.filter(m => m.accepted), playlists.body, config.body, () => refresh());
  view.append(el('h1', { 'data-i18n': 'schedule.title' }),
    el('div', { class: 'filters' }, el('label', { 'data-i18n': 'schedule.commune' }), pickCommune,
      el('button', { type: 'button', onclick: () => { weekStart = new Date(weekStart.getTime() - 7 * 864e5); refresh(); } }, '‹'),
      el('button', { type: 'button', onclick: () => { weekStart = new Date(weekStart.getTime() + 7 * 864e5); refresh(); } }, '›')),
    calendar, can('content') ? form.node : '', entries);

  const refresh = async () => {
    const commune = reachable.find(c => c.id === pickCommune.value);
    if (!commune) return;
    const station = stations.body.find(s => s.areaPath.some(p => p.id === commune.id));
    const from = weekStart.toISOString();
    const to = new Date(weekStart.getTime() + 7 * 864e5).toISOString();
    const [upcoming, list] = await Promise.all([
      api('GET', `/api/schedules/upcoming?from=${from}&to=${to}&station=${encodeURIComponent(station.id)}`),
      api('GET', '/api/schedules')]);
    calendar.replaceChildren(week(weekStart, upcoming.body, quietHours(commune.quiet)));
    entries.replaceChildren(el('h2', { 'data-i18n': 'schedule.entries' }), el('table', { class: 'list' },
      ...list.body.map(s => el('tr', { dataset: { id: s.id } }, el('td', {}, s.title), el('td', {}, describe(s.recurrence)),
        el('td', {}, s.broadcast.priority || 'NORMAL'),
        el('td', {}, can('content') ? el('button', { type: 'button', onclick: () => form.edit(s), 'data-i18n': 'common.edit' }) : ''),
        el('td', {}, can('content') ? el('button', { type: 'button', class: 'danger', onclick: async () => {
          if (!confirm(t('schedule.confirmDelete'))) return;
          await api('DELETE', '/api/schedules/' + s.id);
          refresh();
        }, 'data-i18n': 'common.delete' }) : '')))));
    translate(view);
  };
  pickCommune.addEventListener('change', refresh);
  await refresh();
}

function monday(d) {
  const m = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  m.setDate(m.getDate() - ((m.getDay() + 6) % 7));
  return m;
}

function quietHours(text) {
  if (!text || text === 'none') return () => false;
  const [from, to] = text.split('-').map(x => Number(x.substring(0, 2)) * 60 + Number(x.substring(3, 5)));
  return minute => (from <= to ? minute >= from && minute < to : minute >= from || minute < to);
}

// Seven columns of 24 hour cells; airings sit in their hour; quiet hours are grey.
function week(start, airings, quiet) {
  const grid = el('div', { class: 'week' });
  grid.append(el('div', { class: 'hour head' }));
  for (let d = 0; d < 7; d++) {
    const day = new Date(start.getTime() + d * 864e5);
    grid.append(el('div', { class: 'day head' }, day.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'numeric' })));
  }
  for (let h = 0; h < 24; h++) {
    grid.append(el('div', { class: 'hour' }, String(h).padStart(2, '0') + ':00'));
    for (let d = 0; d < 7; d++) {
      const cellStart = new Date(start.getTime() + d * 864e5 + h * 36e5);
      const here = airings.filter(a => { const at = new Date(a.at); return at >= cellStart && at < new Date(cellStart.getTime() + 36e5); });
      grid.append(el('div', { class: 'cell' + (quiet(h * 60) ? ' quiet' : '') },
        ...here.map(a => el('div', { class: 'airing prio-' + a.priority, title: a.title },
          new Date(a.at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) + ' ' + a.title))));
    }
  }
  return grid;
}

function describe(r) {
  switch (r.type) {
    case 'once': return r.at;
    case 'daily': return `${t('schedule.daily')} ${r.times.join(', ')}`;
    case 'weekly': return `${r.days.map(d => t('day.' + d)).join(', ')} ${r.times.join(', ')}`;
    case 'monthly': return `${t('schedule.monthly')} ${r.daysOfMonth.join(', ')} · ${r.times.join(', ')}`;
    default: return r.expression || r.type;
  }
}

function entryForm(communes, files, playlists, config, saved) {
  let editing = null;
  const title = el('input', { id: 'f-title', 'data-i18n-placeholder': 'schedule.entryTitle' });
  const source = el('select', { id: 'f-source' },
    ...playlists.map(p => el('option', { value: 'playlist:' + p.name }, '▶ ' + (p.title || p.name))),
    ...files.map(f => el('option', { value: 'media:' + f.path }, f.path)));
  const targets = el('select', { id: 'f-targets', multiple: true }, ...communes.map(c => el('option', { value: c.id }, c.name)));
  const priority = el('select', { id: 'f-priority' }, ...['NORMAL', 'PRIORITY', 'BACKGROUND'].map(p => el('option', { value: p }, p)));
  const type = el('select', { id: 'f-type' }, ...['once', 'daily', 'weekly', 'monthly', 'cron'].map(k => el('option', { value: k, 'data-i18n': 'schedule.type.' + k })));
  const at = el('input', { id: 'f-at', type: 'datetime-local' });
  const times = el('input', { id: 'f-times', value: '06:00', 'data-i18n-placeholder': 'schedule.timesHint' });
  const days = el('div', { id: 'f-days', class: 'days' }, ...DAYS.map(d => el('label', {}, el('input', { type: 'checkbox', value: d, checked: d !== 'SUNDAY' }), t('day.' + d))));
  const monthDays = el('input', { id: 'f-monthdays', value: '1' });
  const cron = el('input', { id: 'f-cron', value: '0 0 6 ? * MON-SAT' });
  const zone = el('input', { id: 'f-zone', value: config.localTimeZone });
  const misfire = el('select', { id: 'f-misfire' }, ...['SKIP', 'GRACE', 'JOIN'].map(m => el('option', { value: m, 'data-i18n': 'schedule.misfire.' + m })));
  const grace = el('input', { id: 'f-grace', type: 'number', value: 10, min: 1 });
  const same = el('select', { id: 'f-same' }, ...['CUT', 'NEXT', 'WAIT'].map(m => el('option', { value: m, 'data-i18n': 'schedule.same.' + m })));
  const wait = el('input', { id: 'f-wait', type: 'number', value: 30, min: 1 });
  const conflicts = el('div', { id: 'f-conflicts', class: 'conflicts', hidden: true });
  const show = () => {
    const k = type.value;
    at.hidden = k !== 'once'; times.hidden = k === 'once' || k === 'cron'; days.hidden = k !== 'weekly';
    monthDays.hidden = k !== 'monthly'; cron.hidden = k !== 'cron';
    grace.hidden = misfire.value !== 'GRACE'; wait.hidden = same.value !== 'WAIT';
  };
  [type, misfire, same].forEach(x => x.addEventListener('change', show));
  const body = allowConflicts => {
    const [kind, value] = source.value.split(/:(.*)/s);
    const list = times.value.split(',').map(x => x.trim()).filter(Boolean);
    const recurrence = { once: { type: 'once', at: at.value }, daily: { type: 'daily', times: list },
      weekly: { type: 'weekly', days: [...days.querySelectorAll('input:checked')].map(i => i.value), times: list },
      monthly: { type: 'monthly', daysOfMonth: monthDays.value.split(',').map(Number), times: list },
      cron: { type: 'cron', expression: cron.value } }[type.value];
    return { title: title.value, timeZone: zone.value, recurrence, allowConflicts,
      broadcast: { [kind]: kind === 'media' ? [value] : value, priority: priority.value,
        targets: { areas: [...targets.selectedOptions].map(o => o.value) } },
      misfire: misfire.value === 'GRACE' ? { policy: 'GRACE', graceMinutes: Number(grace.value) } : { policy: misfire.value },
      sameClass: same.value === 'WAIT' ? { policy: 'WAIT', waitSeconds: Number(wait.value) } : { policy: same.value } };
  };
  const save = async allowConflicts => {
    const r = editing ? await api('PUT', '/api/schedules/' + editing, body(allowConflicts)) : await api('POST', '/api/schedules', body(allowConflicts));
    conflicts.hidden = true;
    if (r.status === 409) {
      conflicts.replaceChildren(el('p', { 'data-i18n': 'schedule.conflict' }),
        el('ul', {}, ...r.body.conflicts.map(c => el('li', {}, `${c.title} — ${new Date(c.firstOverlap).toLocaleString()} — ${c.stations.join(', ')}`))),
        el('button', { type: 'button', id: 'f-save-anyway', onclick: () => save(true), 'data-i18n': 'schedule.saveAnyway' }));
      conflicts.hidden = false;
      translate(conflicts);
    } else if (r.status < 300) {
      notify(t('schedule.saved') + ((r.body.warnings || []).length ? ' — ' + r.body.warnings.join('; ') : ''));
      editing = null;
      saved();
    } else {
      notify(r.body.error, 'error');
    }
  };
  const node = el('section', { class: 'card', id: 'entry-form' }, el('h2', { 'data-i18n': 'schedule.newEntry' }),
    el('div', { class: 'form' },
      el('label', { 'data-i18n': 'schedule.entryTitle' }), title, el('label', { 'data-i18n': 'schedule.source' }), source,
      el('label', { 'data-i18n': 'schedule.targets' }), targets, el('label', { 'data-i18n': 'schedule.priority' }), priority,
      el('label', { 'data-i18n': 'schedule.recurrence' }), el('div', {}, type, at, times, days, monthDays, cron),
      el('label', { 'data-i18n': 'schedule.zone' }), zone,
      el('label', { 'data-i18n': 'schedule.misfireLabel' }), el('div', {}, misfire, grace),
      el('label', { 'data-i18n': 'schedule.sameLabel' }), el('div', {}, same, wait)),
    el('p', { class: 'hint' }, t('schedule.quietHint', { quiet: config.quietHours })),
    conflicts, el('button', { type: 'button', id: 'f-save', onclick: () => save(false), 'data-i18n': 'common.save' }));
  show();
  return { node, edit: s => {
    editing = s.id;
    title.value = s.title;
    type.value = s.recurrence.type;
    if (s.recurrence.times) times.value = s.recurrence.times.join(', ');
    if (s.recurrence.expression) cron.value = s.recurrence.expression;
    zone.value = s.timeZone;
    show();
    node.scrollIntoView();
  } };
}
