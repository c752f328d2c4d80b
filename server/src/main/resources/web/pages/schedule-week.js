import { el, t } from '/web/app.js';
import { showDate, showTime, weekday } from '/web/pages/vntime.js';

// A commune's week two ways: a grid of seven days by 24 hours that fits the page (desktop), and a list
// of airings day by day (phones, under 700 px: CSS shows one or the other). Airings are placed by their
// local time in the entry's zone, the time villagers hear them. Each airing opens its entry.
const key = d => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

const WEEK = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

export function weekDays(start) {
  return [...Array(7)].map((_, i) => new Date(start.getFullYear(), start.getMonth(), start.getDate() + i));
}

function placed(airings) {
  return airings.map(a => {
    const m = String(a.local).match(/^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/);
    return m ? { ...a, day: m[1], hour: Number(m[2]), clock: `${m[2]}:${m[3]}` } : null;
  }).filter(Boolean);
}

function airingButton(a, open, cls, movable) {
  return el('button', { type: 'button', class: `${cls} prio-${a.priority}`, title: `${a.clock} ${a.title}`,
    dataset: { schedule: a.schedule, at: a.at }, onclick: () => open(a.schedule), draggable: movable ? 'true' : null,
    ondragstart: e => e.dataTransfer.setData('text/plain', JSON.stringify({ schedule: a.schedule, day: a.day, clock: a.clock })) },
  el('span', { class: 'clock' }, a.clock), ' ', a.title,
  a.priority !== 'NORMAL' ? el('span', { class: 'prio-tag' }, ' · ' + t('schedule.prio.' + a.priority)) : '');
}

/**
 * @param move when given, airings of entries it accepts ({@code movable(id)}) can be dragged to another
 *             hour (and day): move(id, {day, clock}, {day, hour}) changes the entry, with its checks.
 */
export function week(start, airings, quiet, open, move, movable = () => false) {
  const list = placed(airings);
  const days = weekDays(start);
  const grid = el('div', { class: 'week', role: 'region', 'aria-label': t('schedule.weekLabel') }); // not a grid: no rows to walk by arrow keys; each airing is a button in the tab order
  grid.append(el('div', { class: 'hour head' }));
  const today = key(new Date());
  for (const day of days) {
    grid.append(el('div', { class: 'day head' + (key(day) === today ? ' today' : '') }, el('span', { class: 'wd' }, weekday(day)), ' ', showDate(day).slice(0, 5)));
  }
  for (let h = 0; h < 24; h++) {
    grid.append(el('div', { class: 'hour' }, String(h).padStart(2, '0') + ':00'));
    for (const day of days) {
      const here = list.filter(a => a.day === key(day) && a.hour === h);
      const cell = el('div', { class: 'cell' + (quiet(h * 60) ? ' quiet' : ''), dataset: { day: key(day), hour: h } },
        ...here.map(a => airingButton(a, open, 'airing', move && movable(a.schedule))));
      if (move) {
        cell.addEventListener('dragover', e => { e.preventDefault(); cell.classList.add('drop'); });
        cell.addEventListener('dragleave', () => cell.classList.remove('drop'));
        cell.addEventListener('drop', e => {
          e.preventDefault();
          cell.classList.remove('drop');
          const from = JSON.parse(e.dataTransfer.getData('text/plain') || 'null');
          if (from) move(from.schedule, from, { day: cell.dataset.day, hour: Number(cell.dataset.hour) });
        });
      }
      grid.append(cell);
    }
  }
  return grid;
}

export function agenda(start, airings, open) {
  const list = placed(airings);
  const today = key(new Date());
  return el('div', { class: 'agenda' }, ...weekDays(start).map(day => {
    const here = list.filter(a => a.day === key(day));
    // Days gone by with nothing on them would push today below the fold of a phone.
    const cls = 'agenda-day' + (key(day) < today && !here.length ? ' past' : '') + (key(day) === today ? ' today' : '');
    return el('section', { class: cls, dataset: { day: key(day) } },
      el('h3', {}, `${weekday(day)}, ${showDate(day)}`, key(day) === today ? el('span', { class: 'badge', 'data-i18n': 'schedule.today' }) : ''),
      here.length ? el('ul', {}, ...here.map(a => el('li', {}, airingButton(a, open, 'agenda-item'))))
        : el('p', { class: 'muted', 'data-i18n': 'schedule.noAirings' }));
  }));
}

/** What an entry's recurrence says, as a person would say it. */
export function describe(r, showLocal) {
  const times = (r.times || []).map(showTime).join(', ');
  switch (r.type) {
    case 'once': return `${t('schedule.type.once')}: ${showLocal(r.at)}`;
    case 'daily': return `${t('schedule.daily')} ${times}`;
    case 'weekly': return `${WEEK.filter(d => r.days.includes(d)).map(d => t('day.' + d)).join(', ')} · ${times}`;
    case 'monthly': return `${t('schedule.monthly')} ${r.daysOfMonth.join(', ')} · ${times}`;
    default: return `${t('schedule.type.cron')}: ${r.expression}`;
  }
}
