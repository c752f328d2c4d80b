import { api, can, el, notify, refusal as sayRefusal, t, translate } from '/web/app.js';
import { isoLocal, parseDateTime, parseTime, showInstant, showLocal, showTime, toDate } from '/web/pages/vntime.js';

// The entry form. Editing loads every field of the entry; saving sends the entry exactly as the API gave
// it with only the fields the user touched replaced, so what the form does not show (a media list, a
// village target, a resume deadline) is never lost. A refusal is told by its code, in Vietnamese.
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const REQUEST = ['title', 'broadcast', 'recurrence', 'timeZone', 'validFrom', 'validUntil', 'misfire', 'sameClass'];

export function entryForm({ areaNames, communes, files, playlists, config, saved }) {
  let editing = null;
  const dirty = new Set();
  const field = (id, key, node) => {
    node.id = id;
    ['input', 'change'].forEach(e => node.addEventListener(e, () => dirty.add(key)));
    return node;
  };
  const label = (forId, key) => el('label', { for: forId, 'data-i18n': key });
  const title = field('f-title', 'title', el('input', { 'data-i18n-placeholder': 'schedule.entryTitle' }));
  const source = field('f-source', 'source', el('select', {}));
  const fillSource = extra => source.replaceChildren(...extra,
    ...playlists.map(p => el('option', { value: 'playlist:' + p.name }, '▶ ' + (p.title || p.name))),
    ...files.map(f => el('option', { value: 'media:' + f.path }, f.path)));
  const targets = field('f-targets', 'targets', el('select', { multiple: true, size: 4 }));
  const fillTargets = extra => targets.replaceChildren(...communes.map(c => el('option', { value: c.id }, c.name)),
    ...extra.map(id => el('option', { value: id }, areaNames.get(id) || id)));
  const otherTargets = el('p', { id: 'f-other-targets', class: 'hint', hidden: true });
  const priority = field('f-priority', 'priority', el('select', {}));
  const fillPriority = extra => priority.replaceChildren(...['NORMAL', 'PRIORITY', 'BACKGROUND', ...extra]
    .map(p => el('option', { value: p }, t('schedule.prio.' + p))));
  const tone = field('f-tone', 'tone', el('input', { type: 'checkbox' }));
  const repeat = field('f-repeat', 'repeat', el('input', { type: 'number', min: 1, max: 20, inputmode: 'numeric', placeholder: '1' }));
  const preempt = field('f-preempt', 'preempt', el('select', {},
    ...['RESUME', 'RESTART', 'DROP'].map(p => el('option', { value: p, 'data-i18n': 'schedule.preempt.' + p }))));
  const type = field('f-type', 'type', el('select', {}, ...['once', 'daily', 'weekly', 'monthly', 'cron']
    .map(k => el('option', { value: k, 'data-i18n': 'schedule.type.' + k }))));
  const at = field('f-at', 'at', el('input', { 'data-i18n-placeholder': 'schedule.atHint' }));
  const times = field('f-times', 'times', el('input', { value: '06:00', 'data-i18n-placeholder': 'schedule.timesHint' }));
  const days = field('f-days', 'days', el('fieldset', { class: 'days' }, el('legend', { 'data-i18n': 'schedule.days' }),
    ...DAYS.map(d => el('label', {}, el('input', { type: 'checkbox', value: d, checked: d !== 'SUNDAY' }), t('day.' + d)))));
  const monthDays = field('f-monthdays', 'monthDays', el('input', { value: '1', 'aria-label': t('schedule.monthDaysLabel') }));
  const cron = field('f-cron', 'cron', el('input', { value: '0 0 6 ? * MON-SAT', 'aria-label': t('schedule.type.cron') }));
  const zone = field('f-zone', 'zone', el('input', { value: config.localTimeZone }));
  const validFrom = field('f-from', 'validFrom', el('input', { 'data-i18n-placeholder': 'schedule.validHint' }));
  const validUntil = field('f-until', 'validUntil', el('input', { 'data-i18n-placeholder': 'schedule.validHint' }));
  const misfire = field('f-misfire', 'misfire', el('select', {},
    ...['SKIP', 'GRACE', 'JOIN'].map(m => el('option', { value: m, 'data-i18n': 'schedule.misfire.' + m }))));
  const grace = field('f-grace', 'misfire', el('input', { type: 'number', value: 10, min: 1, 'aria-label': t('schedule.misfire.GRACE') }));
  const same = field('f-same', 'same', el('select', {},
    ...['CUT', 'NEXT', 'WAIT'].map(m => el('option', { value: m, 'data-i18n': 'schedule.same.' + m }))));
  const wait = field('f-wait', 'same', el('input', { type: 'number', value: 30, min: 1, 'aria-label': t('schedule.same.WAIT') }));
  const conflicts = el('div', { id: 'f-conflicts', class: 'conflicts', hidden: true });
  const refusal = el('p', { id: 'f-error', class: 'error', role: 'alert' });
  const heading = el('h2', { id: 'f-heading' });
  const cancel = el('button', { type: 'button', id: 'f-cancel', hidden: true, onclick: () => reset(), 'data-i18n': 'schedule.cancelEdit' });

  const show = () => {
    const k = type.value;
    at.hidden = k !== 'once'; times.hidden = k === 'once' || k === 'cron'; days.hidden = k !== 'weekly';
    monthDays.hidden = k !== 'monthly'; cron.hidden = k !== 'cron';
    grace.hidden = misfire.value !== 'GRACE'; wait.hidden = same.value !== 'WAIT';
  };
  [type, misfire, same].forEach(x => x.addEventListener('change', show));

  const timeList = () => times.value.split(/[,;]/).map(x => x.trim()).filter(Boolean).map(x => parseTime(x) ?? x);
  const instant = text => {
    if (!text.trim()) return null;
    const p = parseDateTime(text);
    return p ? toDate(p).toISOString() : text; // the server names what it cannot read
  };
  const recurrenceFrom = (kind, base) => {
    const r = base ? structuredClone(base) : { type: kind };
    const ch = k => !base || dirty.has(k);
    if (kind === 'once' && ch('at')) { const p = parseDateTime(at.value); r.at = p ? isoLocal(p) : at.value; }
    if (['daily', 'weekly', 'monthly'].includes(kind) && ch('times')) r.times = timeList();
    if (kind === 'weekly' && ch('days')) r.days = [...days.querySelectorAll('input:checked')].map(i => i.value);
    if (kind === 'monthly' && ch('monthDays')) r.daysOfMonth = monthDays.value.split(/[,;\s]+/).filter(Boolean).map(Number);
    if (kind === 'cron' && ch('cron')) r.expression = cron.value.trim();
    return r;
  };

  /** The request: the entry as it is with the touched fields replaced, or a new entry from every field. */
  const body = allowConflicts => {
    const all = !editing;
    const ch = k => all || dirty.has(k);
    const b = all ? { broadcast: {} } : Object.fromEntries(REQUEST.map(k => [k, structuredClone(editing[k] ?? null)]));
    const cast = b.broadcast;
    // The issuer level is whoever saves (the server derives it from their scope and refuses another), not a field to keep.
    if (!all) delete cast.issuerLevel;
    if (ch('title')) b.title = title.value.trim() || null;
    if (ch('source')) {
      const [kind, value] = source.value.split(/:(.*)/s);
      if (kind === 'playlist') { cast.playlist = value; cast.media = null; }
      if (kind === 'media') { cast.media = [value]; cast.playlist = null; }
    }
    if (ch('targets')) cast.targets = { ...(cast.targets || {}), areas: [...targets.selectedOptions].map(o => o.value) };
    if (ch('priority')) cast.priority = priority.value;
    if (ch('tone') && (!all || tone.checked)) cast.attentionTone = tone.checked;
    if (ch('repeat') && (!all || repeat.value)) cast.repeat = repeat.value ? Number(repeat.value) : null;
    if (dirty.has('preempt')) cast.onPreempt = preempt.value;
    if (all || dirty.has('type')) b.recurrence = recurrenceFrom(type.value, null);
    else b.recurrence = recurrenceFrom(type.value, b.recurrence);
    if (ch('zone')) b.timeZone = zone.value.trim();
    if (ch('validFrom')) b.validFrom = instant(validFrom.value);
    if (ch('validUntil')) b.validUntil = instant(validUntil.value);
    if (ch('misfire')) b.misfire = misfire.value === 'GRACE' ? { policy: 'GRACE', graceMinutes: Number(grace.value) } : { policy: misfire.value };
    if (ch('same')) b.sameClass = same.value === 'WAIT' ? { policy: 'WAIT', waitSeconds: Number(wait.value) } : { policy: same.value };
    if (allowConflicts) b.allowConflicts = true;
    return b;
  };

  const save = async allowConflicts => {
    refusal.textContent = '';
    const r = editing ? await api('PUT', '/api/schedules/' + editing.id, body(allowConflicts))
      : await api('POST', '/api/schedules', body(allowConflicts));
    conflicts.hidden = true;
    if (r.status === 409 && r.body?.conflicts) {
      conflicts.replaceChildren(el('p', { 'data-i18n': 'schedule.conflict' }),
        el('ul', {}, ...r.body.conflicts.map(c => el('li', {}, `${c.title} — ${showInstant(c.firstOverlap)} — ${c.stations.join(', ')}`))),
        el('button', { type: 'button', id: 'f-save-anyway', onclick: () => save(true), 'data-i18n': 'schedule.saveAnyway' }));
      conflicts.hidden = false;
      translate(conflicts);
    } else if (r.status === 202) {
      notify(t('schedule.awaitingSecond'));
      refusal.textContent = t('schedule.awaitingSecond');
      reset(true);
      saved();
    } else if (r.status < 300) {
      notify(t('schedule.saved') + ((r.body.warnings || []).length ? ' — ' + t('schedule.airtimeWarning') : ''));
      reset();
      saved();
    } else {
      refusal.textContent = refusedText(r);
    }
  };

  const reset = keepMessage => {
    editing = null;
    dirty.clear();
    title.value = '';
    fillSource([]); fillTargets([]); fillPriority(can('emergency') ? ['EMERGENCY'] : []);
    otherTargets.hidden = true;
    tone.checked = false; repeat.value = ''; preempt.value = 'RESUME';
    type.value = 'daily'; times.value = '06:00'; at.value = ''; monthDays.value = '1'; cron.value = '0 0 6 ? * MON-SAT';
    days.querySelectorAll('input').forEach(i => { i.checked = i.value !== 'SUNDAY'; });
    zone.value = config.localTimeZone; validFrom.value = ''; validUntil.value = '';
    misfire.value = 'SKIP'; grace.value = 10; same.value = 'CUT'; wait.value = 30;
    heading.textContent = t('schedule.newEntry');
    cancel.hidden = true; conflicts.hidden = true;
    if (!keepMessage) refusal.textContent = '';
    show();
  };

  const edit = (s, stay) => {
    reset();
    editing = structuredClone(s);
    const b = s.broadcast || {};
    const r = s.recurrence || {};
    title.value = s.title || '';
    // The entry's own programme is always an option, even a list of files or a playlist not listed here.
    const extra = [];
    if (b.playlist && !playlists.some(p => p.name === b.playlist)) extra.push(el('option', { value: 'playlist:' + b.playlist }, '▶ ' + b.playlist));
    if (b.media && b.media.length === 1 && !files.some(f => f.path === b.media[0])) extra.push(el('option', { value: 'media:' + b.media[0] }, b.media[0]));
    if (b.media && b.media.length > 1) extra.push(el('option', { value: 'list:' }, b.media.join(' + ')));
    fillSource(extra);
    source.value = b.playlist ? 'playlist:' + b.playlist : b.media?.length === 1 ? 'media:' + b.media[0] : 'list:';
    const areas = b.targets?.areas || [];
    fillTargets(areas.filter(a => !communes.some(c => c.id === a)));
    [...targets.options].forEach(o => { o.selected = areas.includes(o.value); });
    const others = [...(b.targets?.stations || []).map(x => t('schedule.targetStation', { id: x })),
      ...(b.targets?.tags || []).map(x => t('schedule.targetTag', { tag: x })), ...(b.targets?.all ? [t('schedule.targetAll')] : [])];
    otherTargets.textContent = t('schedule.otherTargets', { list: others.join(', ') });
    otherTargets.hidden = others.length === 0;
    if (b.priority === 'EMERGENCY' && !can('emergency')) fillPriority(['EMERGENCY']);
    priority.value = b.priority || 'NORMAL';
    tone.checked = b.attentionTone === true;
    repeat.value = b.repeat ?? '';
    preempt.value = b.onPreempt || 'RESUME';
    type.value = r.type;
    if (r.type === 'once') at.value = showLocal(r.at);
    if (r.times) times.value = r.times.map(showTime).join(', ');
    if (r.days) days.querySelectorAll('input').forEach(i => { i.checked = r.days.includes(i.value); });
    if (r.daysOfMonth) monthDays.value = r.daysOfMonth.join(', ');
    if (r.expression) cron.value = r.expression;
    zone.value = s.timeZone || config.localTimeZone;
    validFrom.value = showInstant(s.validFrom);
    validUntil.value = showInstant(s.validUntil);
    misfire.value = s.misfire?.policy || 'SKIP';
    if (s.misfire?.graceMinutes) grace.value = s.misfire.graceMinutes;
    same.value = s.sameClass?.policy || 'CUT';
    if (s.sameClass?.waitSeconds) wait.value = s.sameClass.waitSeconds;
    heading.textContent = t('schedule.editEntry', { title: s.title || '' });
    cancel.hidden = false;
    dirty.clear();
    show();
    if (!stay) {
      node.scrollIntoView();
      title.focus({ preventScroll: true });
    }
  };

  /** A drag on the calendar: the entry with a new recurrence, saved at once; a conflict or refusal shows here. */
  const move = async (s, r, keys) => {
    edit(s, true);
    if (r.at) at.value = showLocal(r.at);
    if (r.times) times.value = r.times.map(showTime).join(', ');
    if (r.days) days.querySelectorAll('input').forEach(i => { i.checked = r.days.includes(i.value); });
    keys.forEach(k => dirty.add(k));
    await save(false);
    if (!conflicts.hidden) conflicts.scrollIntoView({ block: 'center' });
    else if (refusal.textContent) refusal.scrollIntoView({ block: 'center' });
  };

  const node = el('section', { class: 'card', id: 'entry-form' }, heading,
    el('div', { class: 'form' },
      label('f-title', 'schedule.entryTitle'), title, label('f-source', 'schedule.source'), source,
      label('f-targets', 'schedule.targets'), el('div', {}, targets, otherTargets),
      label('f-priority', 'schedule.priority'), priority,
      label('f-tone', 'schedule.tone'), el('div', {}, tone),
      label('f-repeat', 'schedule.repeat'), repeat,
      label('f-preempt', 'schedule.preemptLabel'), preempt,
      label('f-type', 'schedule.recurrence'), el('div', { class: 'recur' }, type, at, times, days, monthDays, cron),
      label('f-zone', 'schedule.zone'), zone,
      label('f-from', 'schedule.validFrom'), validFrom, label('f-until', 'schedule.validUntil'), validUntil,
      label('f-misfire', 'schedule.misfireLabel'), el('div', {}, misfire, grace),
      label('f-same', 'schedule.sameLabel'), el('div', {}, same, wait)),
    el('p', { class: 'hint' }, quietHint(communes, config)),
    el('p', { class: 'hint' }, t('schedule.timeFormsHint')),
    conflicts, refusal,
    el('button', { type: 'button', id: 'f-save', onclick: () => save(false), 'data-i18n': 'common.save' }), cancel);
  reset();
  return { node, edit, move };
}

/** Which communes keep quiet hours, so a time is not typed into them. */
function quietHint(communes, config) {
  const quiet = communes.filter(c => c.quiet && c.quiet !== 'none').map(c => `${c.name} ${c.quiet.replace('-', '–')}`);
  return quiet.length ? t('schedule.quietHint', { quiet: quiet.join('; ') }) : t('schedule.noQuietHours');
}

/** A server refusal in the user's words, from its stable code and the values it names. */
export function refusedText(r) {
  return sayRefusal(r.body);
}
