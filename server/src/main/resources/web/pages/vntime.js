import { t } from '/web/app.js';

// Times and dates as Vietnamese write them: "7h30", "7h", "17g30", "7 giờ 30", "07:30", "7:30" read
// the way the server's TimeOfDay reads them; shown 24-hour as "07:30" and "30/11/2026", weekdays "Thứ Hai".
const COLON = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const MARK = /^(\d{1,2})\s*(?:h|g|giờ)\s*(?:(\d{2})\s*(?:phút|p|')?)?$/;
const DATE = /(\d{1,2})\/(\d{1,2})\/(\d{4})/;
const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
const two = n => String(n).padStart(2, '0');

/** "7h30" → "07:30" (seconds kept when given: "06:00:30"); null when it is not a time of day. */
export function parseTime(text) {
  const s = String(text ?? '').normalize('NFC').trim().toLowerCase();
  const m = s.match(COLON) || s.match(MARK);
  if (!m) return null;
  const [h, min, sec] = [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
  if (h > 23 || min > 59 || sec > 59) return null;
  return `${two(h)}:${two(min)}` + (m[3] ? ':' + two(sec) : '');
}

/** "30/11/2026 7h30" (either order, "ngày" allowed) → {y, mo, d, time: "07:30"}; null if not both. */
export function parseDateTime(text) {
  const s = String(text ?? '').normalize('NFC').trim().toLowerCase();
  const iso = s.match(/^(\d{4})-(\d{2})-(\d{2})t(\d{2}:\d{2}(?::\d{2})?)$/);
  if (iso) return { y: Number(iso[1]), mo: Number(iso[2]), d: Number(iso[3]), time: iso[4] };
  const d = s.match(DATE);
  if (!d) return null;
  const time = parseTime((s.slice(0, d.index) + ' ' + s.slice(d.index + d[0].length)).replace(/ngày|,/g, ' '));
  const [day, mo, y] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const check = new Date(y, mo - 1, day);
  if (!time || check.getDate() !== day || check.getMonth() !== mo - 1) return null;
  return { y, mo, d: day, time };
}

/** The ISO local date-time the API takes for a one-shot, "2026-11-30T07:30". */
export function isoLocal(p) {
  return `${p.y}-${two(p.mo)}-${two(p.d)}T${p.time}`;
}

/** A browser Date for a parsed date-time, in the browser's zone (for validFrom/validUntil instants). */
export function toDate(p) {
  const [h, min, sec] = p.time.split(':').map(Number);
  return new Date(p.y, p.mo - 1, p.d, h, min, sec || 0);
}

/** "07:30:00" → "07:30"; "06:00:30" stays. */
export function showTime(time) {
  return String(time).replace(/^(\d{2}:\d{2}):00$/, '$1');
}

export function showDate(date) {
  return `${two(date.getDate())}/${two(date.getMonth() + 1)}/${date.getFullYear()}`;
}

export function showClock(date) {
  return `${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** "30/11/2026 07:30" for an instant (in the browser's zone). */
export function showInstant(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return `${showDate(date)} ${showClock(date)}`;
}

/** "2026-11-30T07:30[:00]" (a local date-time as the API writes it) → "30/11/2026 07:30". */
export function showLocal(iso) {
  const m = String(iso).match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}(?::\d{2})?)/);
  return m ? `${m[3]}/${m[2]}/${m[1]} ${showTime(m[4])}` : String(iso);
}

export function weekday(date) {
  return t('day.' + WEEKDAYS[date.getDay()]);
}
