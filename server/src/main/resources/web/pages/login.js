import { api, el, signedIn, t } from '/web/app.js';

// Sign in with your name and password (issue 15); the browser keeps the session in an HttpOnly cookie,
// so it survives reloads and new tabs. Scripts and devices keep their tokens: the token form is still
// here, folded away, for the rare person who has only a token.
export default async function login(view) {
  const name = el('input', { id: 'login-name', name: 'username', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', required: true });
  const password = el('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = el('p', { id: 'password-error', class: 'error', role: 'alert', hidden: true });
  const form = el('form', { class: 'card login', onsubmit: async e => {
    e.preventDefault();
    error.hidden = true;
    const r = await api('POST', '/api/login', { name: name.value.trim(), password: password.value });
    if (r.status === 200) {
      signedIn(r.body);
      location.hash = '#/overview';
      return;
    }
    password.value = '';
    error.textContent = r.body?.code === 'too_many_failed_logins'
      ? t('login.tooMany', { minutes: Math.max(1, Math.ceil((r.body.retryAfter || 60) / 60)) })
      : t('login.wrongPassword');
    error.hidden = false;
    password.focus();
  } },
  el('h1', { 'data-i18n': 'login.title' }),
  el('p', { 'data-i18n': 'login.passwordHelp' }),
  el('label', { for: 'login-name', 'data-i18n': 'login.name' }), name,
  el('label', { for: 'login-password', 'data-i18n': 'login.password' }), password, error,
  el('button', { id: 'sign-in-password', type: 'submit', class: 'primary', 'data-i18n': 'login.submit' }));

  const token = el('input', { id: 'token', type: 'password', autocomplete: 'off', 'data-i18n-placeholder': 'login.placeholder' });
  const tokenError = el('p', { id: 'login-error', class: 'error', role: 'alert', hidden: true });
  const byToken = el('form', { class: 'login-token', onsubmit: async e => {
    e.preventDefault();
    sessionStorage.setItem('loa.token', token.value.trim());
    const who = await api('GET', '/api/me');
    if (who.status === 200) {
      signedIn(who.body);
      location.hash = '#/overview';
    } else {
      sessionStorage.removeItem('loa.token');
      tokenError.textContent = t('login.refused');
      tokenError.hidden = false;
    }
  } },
  el('p', { class: 'hint', 'data-i18n': 'login.help' }),
  el('label', { for: 'token', 'data-i18n': 'login.token' }), token, tokenError,
  el('button', { id: 'sign-in', type: 'submit', 'data-i18n': 'login.submit' }));
  const other = el('details', { class: 'card login', id: 'login-with-token' },
    el('summary', { 'data-i18n': 'login.withToken' }), byToken);
  view.append(form, other);
  name.focus();
}
