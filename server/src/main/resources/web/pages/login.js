import { api, el, signedIn, t } from '/web/app.js';

// Sign in with the token an administrator gave you; it is kept for this browser tab only.
export default async function login(view) {
  const input = el('input', { id: 'token', type: 'password', autocomplete: 'current-password', 'data-i18n-placeholder': 'login.placeholder' });
  const error = el('p', { id: 'login-error', class: 'error', hidden: true });
  const form = el('form', { class: 'card login', onsubmit: async e => {
    e.preventDefault();
    sessionStorage.setItem('loa.token', input.value.trim());
    const who = await api('GET', '/api/me');
    if (who.status === 200) {
      signedIn(who.body);
      location.hash = '#/overview';
    } else {
      sessionStorage.removeItem('loa.token');
      error.textContent = t('login.refused');
      error.hidden = false;
    }
  } },
  el('h1', { 'data-i18n': 'login.title' }),
  el('p', { 'data-i18n': 'login.help' }),
  el('label', { for: 'token', 'data-i18n': 'login.token' }), input, error,
  el('button', { id: 'sign-in', type: 'submit', 'data-i18n': 'login.submit' }));
  view.append(form);
}
