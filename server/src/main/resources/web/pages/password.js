import { api, el, me, t } from '/web/app.js';
import { refusal } from '/web/pages/users.js';

// Everyone: change your own password. The old one proves it is you; the new one must have at least
// ten characters. Other browsers signed in as you are signed out; this one carries on.
export default async function password(view) {
  const old = el('input', { id: 'pw-old', type: 'password', autocomplete: 'current-password', required: true });
  const fresh = el('input', { id: 'pw-new', type: 'password', autocomplete: 'new-password', minlength: 10, required: true });
  const again = el('input', { id: 'pw-again', type: 'password', autocomplete: 'new-password', minlength: 10, required: true });
  const error = el('p', { id: 'pw-error', class: 'error', role: 'alert', hidden: true });
  const done = el('p', { id: 'pw-done', class: 'ok', role: 'status', hidden: true });
  const form = el('form', { class: 'card login', onsubmit: async e => {
    e.preventDefault();
    error.hidden = true;
    done.hidden = true;
    if (fresh.value !== again.value) {
      error.textContent = t('login.pw.mismatch');
      error.hidden = false;
      return;
    }
    const r = await api('POST', '/api/me/password', { password: old.value, newPassword: fresh.value });
    if (r.status === 200) {
      if (r.body.csrf && me()) me().csrf = r.body.csrf; // the new session this browser carries on in
      form.reset();
      done.textContent = t('login.pw.done');
      done.hidden = false;
    } else {
      error.textContent = refusal(r.body);
      error.hidden = false;
    }
  } },
  el('h1', { 'data-i18n': 'login.pw.title' }),
  el('p', { class: 'hint', 'data-i18n': 'login.pw.rule' }),
  el('label', { for: 'pw-old', 'data-i18n': 'login.pw.old' }), old,
  el('label', { for: 'pw-new', 'data-i18n': 'login.pw.new' }), fresh,
  el('label', { for: 'pw-again', 'data-i18n': 'login.pw.again' }), again,
  error, done,
  el('button', { id: 'pw-submit', type: 'submit', class: 'primary', 'data-i18n': 'login.pw.submit' }));
  view.append(form);
}
