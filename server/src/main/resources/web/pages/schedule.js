import { api, can, el, notify, t, translate } from '/web/app.js';
import { entryForm, refusedText } from '/web/pages/schedule-form.js';
import { agenda, describe, week, weekDays } from '/web/pages/schedule-week.js';
import { showDate, showLocal, showTime } from '/web/pages/vntime.js';

// The week of a commune: upcoming airings by day and hour (a day-by-day list on phones), quiet hours
// greyed, the entries, and the entry form, which edits an entry without losing what it does not show.
export default async function schedule(view) {
  if (!document.getElementById('schedule-css')) {
    document.head.append(el('link', { id: 'schedule-css', rel: 'stylesheet', href: '/web/pages/schedule.css' }));
  }
  const [areas, stations, media, playlists, config] = await Promise.all([api('GET', '/api/areas'), api('GET', '/api/stations'),
    api('GET', '/api/media'), api('GET', '/api/playlists'), api('GET', '/api/config')]);
  const communes = [];
  const areaNames = new Map();
  const walk = (list, quiet) => list.forEach(a => {
    // An area's own "none" comes as an empty window (00:00 to 00:00).
    const own = a.quietHours && (a.quietHours.from === a.quietHours.to ? 'none' : `${showTime(a.quietHours.from)}-${showTime(a.quietHours.to)}`);
    const q = own || quiet;
    areaNames.set(a.id, a.name);
    if (a.level === 'commune') communes.push({ id: a.id, name: a.name, quiet: q });
    walk(a.children || [], q);
  });
  walk(areas.body, config.body.quietHours);
  const reachable = communes.filter(c => stations.body.some(s => s.areaPath.some(p => p.id === c.id)));
  const pickCommune = el('select', { id: 'sched-commune' }, ...reachable.map(c => el('option', { value: c.id }, c.name)));
  let weekStart = monday(new Date());
  let entryList = [];
  const range = el('span', { id: 'week-range', class: 'week-range', 'aria-live': 'polite' });
  const calendar = el('div', { id: 'calendar', class: 'calendar' });
  const entries = el('div', { id: 'entries' });
  const status = el('p', { id: 'entries-error', class: 'error', role: 'alert' });
  const form = entryForm({ areaNames, communes: reachable, files: media.body.filter(m => m.accepted), playlists: playlists.body,
    config: config.body, saved: () => refresh() });
  const open = id => {
    const entry = entryList.find(s => s.id === Number(id));
    if (entry && can('content')) form.edit(entry);
  };
  const step = days => { weekStart = new Date(weekStart.getFullYear(), weekStart.getMonth(), weekStart.getDate() + days); refresh(); };
  view.append(el('h1', { 'data-i18n': 'schedule.title' }),
    el('div', { class: 'filters' }, el('label', { for: 'sched-commune', 'data-i18n': 'schedule.commune' }), pickCommune,
      el('button', { type: 'button', id: 'week-prev', onclick: () => step(-7), 'aria-label': t('schedule.prevWeek') }, '‹'),
      range,
      el('button', { type: 'button', id: 'week-next', onclick: () => step(7), 'aria-label': t('schedule.nextWeek') }, '›')),
    calendar, can('content') ? form.node : '', status, entries);

  const refresh = async () => {
    const commune = reachable.find(c => c.id === pickCommune.value);
    if (!commune) return;
    const station = stations.body.find(s => s.areaPath.some(p => p.id === commune.id));
    // A day either side: airings are placed by their local day, which may differ from the browser's.
    const from = new Date(weekStart.getTime() - 864e5).toISOString();
    const to = new Date(weekStart.getTime() + 8 * 864e5).toISOString();
    const [upcoming, list] = await Promise.all([
      api('GET', `/api/schedules/upcoming?from=${from}&to=${to}&station=${encodeURIComponent(station.id)}`),
      api('GET', '/api/schedules')]);
    entryList = list.body;
    const days = weekDays(weekStart);
    range.textContent = `${showDate(days[0]).slice(0, 5)} – ${showDate(days[6])}`;
    calendar.replaceChildren(week(weekStart, upcoming.body, quietHours(commune.quiet), open, can('content') ? move : null,
      id => ['once', 'daily', 'weekly'].includes(entryList.find(e => e.id === Number(id))?.recurrence.type)),
    agenda(weekStart, upcoming.body, open));
    entries.replaceChildren(el('h2', { 'data-i18n': 'schedule.entries' }), el('ul', { class: 'entry-list' },
      ...list.body.map(s => el('li', { dataset: { id: s.id } },
        el('div', { class: 'what' }, el('b', {}, s.title), describe(s.recurrence, showLocal), ' · ',
          t('schedule.prio.' + (s.broadcast.priority || 'NORMAL'))),
        can('content') ? el('div', { class: 'actions' },
          el('button', { type: 'button', class: 'edit', onclick: () => form.edit(s), 'data-i18n': 'common.edit' }),
          el('button', { type: 'button', class: 'danger', onclick: () => remove(s), 'data-i18n': 'common.delete' })) : ''))));
    translate(view);
  };
  // An airing dragged to another hour (and, for a weekly or one-time entry, another day): that time of
  // the entry moves, through the form, so the conflict check and any refusal show there.
  const move = (id, from, to) => {
    const entry = entryList.find(s => s.id === Number(id));
    if (!entry) return;
    const r = structuredClone(entry.recurrence);
    const clock = `${String(to.hour).padStart(2, '0')}:${from.clock.slice(3, 5)}`;
    const keys = [];
    if (r.type === 'once') { r.at = `${to.day}T${clock}`; keys.push('at'); }
    if (r.times) {
      const i = r.times.findIndex(x => x.startsWith(from.clock));
      if (i >= 0) r.times[i] = clock;
      keys.push('times');
    }
    if (r.type === 'weekly' && to.day !== from.day) {
      const [was, now] = [from.day, to.day].map(d => WEEK[(new Date(d + 'T12:00').getDay() + 6) % 7]);
      r.days = [...new Set(r.days.map(d => (d === was ? now : d)))];
      keys.push('days');
    }
    form.move(entry, r, keys);
  };
  const remove = async s => {
    if (!confirm(t('schedule.confirmDelete', { title: s.title }))) return;
    const r = await api('DELETE', '/api/schedules/' + s.id);
    status.textContent = r.status < 300 ? '' : refusedText(r, config.body);
    notify(r.status < 300 ? t('schedule.deleted') : status.textContent, r.status < 300 ? 'info' : 'error');
    refresh();
  };
  pickCommune.addEventListener('change', refresh);
  await refresh();
}

const WEEK = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

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
