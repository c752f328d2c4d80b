import { api, el, me, notify, t, translate, when } from '/web/app.js';
import { ask } from '/web/ask.js';

// Admins: the people who use Loa. Create one with a role, areas and a first password; change role and
// areas; set a new password (which signs them out everywhere); disable; see and revoke their tokens.
const ROLES = ['operator', 'officer', 'technician', 'admin'];
const MIN_PASSWORD = 10;

/** A server refusal in the reader's words, by its code. */
export function refusal(body) {
  const code = body?.code;
  const key = 'login.code.' + code;
  const text = t(key);
  return text === key ? t('login.code.other') : text;
}

export default async function users(view) {
  if (me()?.role !== 'admin') {
    view.append(el('p', { class: 'error', 'data-i18n': 'login.users.adminOnly' }));
    return;
  }
  const areas = (await api('GET', '/api/areas')).body || [];
  const flat = [];
  const walk = (list, depth) => list.forEach(a => { flat.push({ ...a, depth }); walk(a.children || [], depth + 1); });
  walk(areas, 0);
  const list = el('div', { id: 'user-list' });
  const refresh = async () => {
    const all = (await api('GET', '/api/users')).body || [];
    list.replaceChildren(...all.sort((a, b) => a.name.localeCompare(b.name)).map(u => userCard(u, flat, refresh)));
    translate(list);
  };
  view.append(el('h1', { 'data-i18n': 'login.users.title' }), createForm(flat, refresh), list);
  await refresh();
}

function scopePicker(prefix, flat, chosen) {
  return el('fieldset', { class: 'scopes', id: prefix + '-scopes' },
    el('legend', { 'data-i18n': 'login.users.scopes' }),
    ...flat.map(a => el('label', { class: 'scope depth-' + Math.min(a.depth, 3) },
      el('input', { type: 'checkbox', value: a.id, checked: chosen.includes(a.id) }), ' ', a.name)));
}

function chosenScopes(fieldset) {
  return [...fieldset.querySelectorAll('input:checked')].map(i => i.value);
}

function roleSelect(id, value) {
  return el('select', { id }, ...ROLES.map(r => el('option', { value: r, selected: r === value, 'data-i18n': 'role.' + r })));
}

function createForm(flat, refresh) {
  const name = el('input', { id: 'new-name', required: true, autocapitalize: 'none', spellcheck: 'false', pattern: '[a-z0-9][a-z0-9._\\-]{1,63}' });
  const display = el('input', { id: 'new-display' });
  const role = roleSelect('new-role', 'operator');
  const password = el('input', { id: 'new-password', type: 'password', autocomplete: 'new-password', minlength: MIN_PASSWORD, required: true });
  const scopes = scopePicker('new', flat, []);
  adminHidesScopes(role, scopes);
  const error = el('p', { class: 'error', role: 'alert', hidden: true, id: 'new-error' });
  const form = el('form', { class: 'card user-new', onsubmit: async e => {
    e.preventDefault();
    error.hidden = true;
    const r = await api('POST', '/api/users', { name: name.value.trim(), displayName: display.value.trim() || null,
      role: role.value, scopes: chosenScopes(scopes), password: password.value });
    if (r.status === 201) {
      notify(t('login.users.created', { name: r.body.user.name }));
      form.reset();
      await refresh();
    } else {
      error.textContent = refusal(r.body);
      error.hidden = false;
    }
  } },
  el('h2', { 'data-i18n': 'login.users.new' }),
  el('div', { class: 'form' },
    el('label', { for: 'new-name', 'data-i18n': 'login.users.name' }), name,
    el('label', { for: 'new-display', 'data-i18n': 'login.users.display' }), display,
    el('label', { for: 'new-role', 'data-i18n': 'login.users.role' }), role,
    el('label', { for: 'new-password', 'data-i18n': 'login.password' }), password),
  el('p', { class: 'hint', 'data-i18n': 'login.pw.rule' }),
  scopes, error,
  el('button', { type: 'submit', id: 'new-create', class: 'primary', 'data-i18n': 'login.users.create' }));
  return form;
}

function userCard(u, flat, refresh) {
  const id = 'u-' + u.name.replace(/[^a-z0-9]/g, '-');
  const error = el('p', { class: 'error', role: 'alert', hidden: true });
  const show = r => { error.textContent = refusal(r.body); error.hidden = false; };
  const role = roleSelect(id + '-role', u.role);
  const scopes = scopePicker(id, flat, u.scopes);
  const save = async disabled => {
    const r = await api('PUT', '/api/users/' + encodeURIComponent(u.name), { role: role.value, scopes: chosenScopes(scopes), disabled });
    if (r.status === 200) { notify(t('login.users.saved', { name: u.name })); await refresh(); } else show(r);
  };
  const password = el('input', { id: id + '-password', type: 'password', autocomplete: 'new-password', minlength: MIN_PASSWORD });
  const reset = el('form', { class: 'inline', onsubmit: async e => {
    e.preventDefault();
    const r = await api('POST', '/api/users/' + encodeURIComponent(u.name) + '/password', { password: password.value });
    if (r.status === 200) { notify(t('login.users.passwordSet', { name: u.name })); await refresh(); } else show(r);
  } },
  el('label', { for: id + '-password', 'data-i18n': 'login.users.newPassword' }), password,
  el('button', { type: 'submit', class: 'reset-password', 'data-i18n': 'login.users.setPassword' }));
  const self = u.name === me()?.name;
  const tokens = u.tokens.length
    ? el('ul', { class: 'tokens' }, ...u.tokens.map(k => el('li', {},
      el('span', {}, label(k.label), ' · ', t('login.users.tokenMade', { date: when(k.createdAt) }),
        k.expiresAt ? ' · ' + t('login.users.tokenEnds', { date: when(k.expiresAt) }) : ''), ' ',
      el('button', { type: 'button', class: 'danger revoke', onclick: async () => {
        if (!await ask(t('login.users.revokeAsk', { label: label(k.label) }), 'login.users.revoke')) return;
        const r = await api('DELETE', `/api/users/${encodeURIComponent(u.name)}/tokens/${k.id}`);
        if (r.status === 200) await refresh(); else show(r);
      } }, t('login.users.revoke')))))
    : el('p', { class: 'muted', 'data-i18n': 'login.users.noTokens' });
  const status = [u.disabled ? t('login.users.disabled') : t('login.users.active'),
    u.hasPassword ? t('login.users.hasPassword') : t('login.users.noPassword')].join(' · ');
  const names = u.role === 'admin' ? t('login.users.everywhere')
    : u.scopes.map(s => flat.find(a => a.id === s)?.name || s).join(', ');
  adminHidesScopes(role, scopes);
  return el('section', { class: 'card user' + (u.disabled ? ' disabled' : ''), id, dataset: { user: u.name } },
    el('h2', {}, u.displayName ? `${u.displayName} (${u.name})` : u.name),
    el('p', { class: 'user-status' }, el('span', { class: 'badge' }, t('role.' + u.role)), ' ', status),
    el('p', { class: 'user-scopes' }, t('login.users.scopes') + ': ' + names),
    el('details', { class: 'user-edit' }, el('summary', { 'data-i18n': 'login.users.edit' }),
      el('div', { class: 'form' }, el('label', { for: id + '-role', 'data-i18n': 'login.users.role' }), role),
      scopes,
      el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'save', onclick: () => save(u.disabled), 'data-i18n': 'login.users.save' }),
        self ? null : el('button', { type: 'button', class: u.disabled ? 'enable' : 'danger disable', onclick: () => save(!u.disabled),
          'data-i18n': u.disabled ? 'login.users.enable' : 'login.users.disable' })),
      reset),
    el('details', { class: 'user-tokens' }, el('summary', {}, t('login.users.tokens') + ` (${u.tokens.length})`), tokens,
      issueForm(id, u, show)),
    error);
}

/** Labels the server gives tokens it makes itself, in the reader's words. */
function label(text) {
  const made = { 'first token': 'login.users.firstToken', 'created on the command line': 'login.users.cliToken',
    LOA_ADMIN_TOKEN: 'login.users.startToken' }[text];
  return made ? t(made) : text;
}

/** A new token for a device or script: shown once, here, and never again. */
function issueForm(id, u, show) {
  const label = el('input', { id: id + '-label', maxlength: 100 });
  const shown = el('p', { class: 'new-token', hidden: true });
  return el('form', { class: 'inline', onsubmit: async e => {
    e.preventDefault();
    const r = await api('POST', `/api/users/${encodeURIComponent(u.name)}/tokens`, { label: label.value.trim() || null });
    if (r.status !== 201) { show(r); return; }
    shown.replaceChildren(t('login.users.tokenOnce'), ' ', el('code', {}, r.body.token));
    shown.hidden = false;
  } },
  el('label', { for: id + '-label', 'data-i18n': 'login.users.tokenLabel' }), label,
  el('button', { type: 'submit', class: 'issue', 'data-i18n': 'login.users.issue' }), shown);
}

/** An admin answers for everywhere: the area list is hidden while the role says admin. */
function adminHidesScopes(role, scopes) {
  const sync = () => { scopes.hidden = role.value === 'admin'; };
  role.addEventListener('change', sync);
  sync();
}
