// The console's core: messages, API calls with the user's token, the live event stream, routing.
// Pages live in pages/*.js and get this module's helpers; nothing here knows a page's details.

const state = { lang: localStorage.getItem('loa.lang') || 'vi', messages: {}, me: null, listeners: new Set() };

export function t(key, vars = {}) {
  const text = state.messages[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (vars[name] ?? ''));
}

/** Fills every data-i18n element (text) and data-i18n-placeholder / data-i18n-title attribute below root. */
export function translate(root = document) {
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-title]').forEach(el => { el.title = t(el.dataset.i18nTitle); });
  root.querySelectorAll('[data-i18n-aria]').forEach(el => { el.setAttribute('aria-label', t(el.dataset.i18nAria)); });
}

async function loadMessages(lang) {
  const response = await fetch(`/web/i18n/${lang}.json`);
  state.messages = await response.json();
  state.lang = lang;
  document.documentElement.lang = lang;
  localStorage.setItem('loa.lang', lang);
}

export function token() {
  return sessionStorage.getItem('loa.token');
}

/**
 * The credential of an API call (issue 15): a tab signed in with a token sends it; a password session
 * rides on its HttpOnly cookie, which the browser sends itself, plus its CSRF token on every change.
 */
export function authHeaders(method = 'GET') {
  if (token()) return { Authorization: `Bearer ${token()}` };
  return method === 'GET' || method === 'HEAD' ? {} : { 'X-CSRF-Token': state.me?.csrf || '' };
}

export function me() {
  return state.me;
}

export function can(access) {
  const role = state.me?.role;
  const grants = { operator: ['content'], officer: ['content', 'emergency'], technician: ['device'], admin: ['content', 'emergency', 'device', 'admin'] };
  return access === 'monitor' || (grants[role] || []).includes(access);
}

/** Calls the API; resolves to {status, body}; a 401 sends the user back to the login page. */
export async function api(method, path, body, contentType = 'application/json') {
  const headers = authHeaders(method);
  let payload = body;
  if (body !== undefined && contentType === 'application/json') {
    payload = JSON.stringify(body);
  }
  if (body !== undefined) {
    headers['Content-Type'] = contentType;
  }
  const response = await fetch(path, { method, headers, body: payload });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = { error: text }; }
  if (response.status === 401 && path !== '/api/me' && path !== '/api/login') {
    logout();
  }
  return { status: response.status, body: json };
}

/**
 * A notice at the foot of the screen. An error goes to the assertive region (role="alert") and stays
 * until its close button or the next notice; anything else to the polite one (role="status") for 6 s.
 * Both regions stay in the page, empty when quiet, so screen readers hear what is written into them.
 */
export function notify(text, kind = 'info') {
  const error = document.getElementById('alert-notice');
  const info = document.getElementById('notice');
  clearTimeout(notify.timer);
  error.replaceChildren();
  info.replaceChildren();
  if (kind === 'error') {
    error.append(el('span', {}, text), el('button', { type: 'button', class: 'notice-close', 'aria-label': t('common.close'),
      onclick: () => error.replaceChildren() }, '×'));
  } else {
    info.textContent = text;
    notify.timer = setTimeout(() => info.replaceChildren(), 6000);
  }
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.substring(2), v);
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

export function duration(ms) {
  if (ms === null || ms === undefined) return '–';
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** An instant as Vietnamese write it, 24-hour, day first: "30/11/2026 07:30". */
export function when(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  const two = n => String(n).padStart(2, '0');
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/**
 * A server refusal in the reader's words: the stable `code` (and its `params`) picks the sentence, never
 * the English `error`; a code the console does not know yet still reads as Vietnamese, naming the code.
 */
export function refusal(body) {
  const code = body?.code;
  if (!code) return t('common.failed');
  for (const key of ['code.' + code, 'login.code.' + code]) {
    if (state.messages[key] !== undefined) return t(key, body.params || {});
  }
  return t('code.unknown', { code });
}

/** Live events for the page on screen; the stream is read with fetch so the token goes in a header. */
export function onEvent(listener) {
  state.listeners.add(listener);
  return () => state.listeners.delete(listener);
}

async function streamEvents() {
  while (state.me) {
    try {
      const response = await fetch('/api/events', { headers: authHeaders() });
      if (response.status === 401) { logout(); return; }
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.substring(0, cut);
          buffer = buffer.substring(cut + 2);
          const data = block.split('\n').filter(l => l.startsWith('data: ')).map(l => l.substring(6)).join('');
          if (data) {
            const event = JSON.parse(data);
            state.listeners.forEach(l => l(event));
            window.dispatchEvent(new CustomEvent('loa-event', { detail: event })); // for what outlives a page: the alert banner
          }
        }
      }
    } catch (e) {
      // The link dropped: wait and read again.
    }
    await new Promise(r => setTimeout(r, 2000));
  }
}

async function logout() {
  if (!token() && state.me) await fetch('/api/logout', { method: 'POST', headers: authHeaders('POST') }).catch(() => null);
  sessionStorage.removeItem('loa.token');
  state.me = null;
  location.hash = '#/login';
  location.reload();
}

const pages = {};

async function route() {
  const [, name = 'overview', ...rest] = (location.hash || '#/overview').split('/');
  if (!state.me && name !== 'login') { location.hash = '#/login'; return; }
  state.listeners.clear();
  const view = document.getElementById('view');
  view.replaceChildren();
  view.className = `page-${name}`;
  document.querySelectorAll('#top a[href^="#/"]').forEach(a => {
    const here = a.getAttribute('href') === `#/${name}`;
    a.classList.toggle('active', here);
    if (here) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  openMenu(false);
  const page = pages[name] || pages.overview;
  document.title = `${t('title.' + (pages[name] ? name : 'overview'))} — Loa`;
  await page(view, rest.map(decodeURIComponent));
  translate(view);
}

async function start() {
  await loadMessages(state.lang);
  translate();
  const names = ['login', 'overview', 'station', 'library', 'record', 'tts', 'schedule', 'onair', 'emergency', 'reports', 'users', 'password'];
  for (const n of names) {
    pages[n] = (await import(`/web/pages/${n}.js`)).default;
  }
  document.getElementById('lang').addEventListener('click', async () => {
    await loadMessages(state.lang === 'vi' ? 'en' : 'vi');
    translate();
    if (state.me) {
      document.getElementById('who').textContent = `${state.me.name} · ${t('role.' + state.me.role)}`;
    }
    route();
  });
  document.getElementById('logout').addEventListener('click', logout);
  startShell();
  const who = await api('GET', '/api/me'); // a token in this tab, or the session cookie of this browser
  if (who.status === 200) {
    signedIn(who.body);
  } else {
    sessionStorage.removeItem('loa.token');
  }
  window.addEventListener('hashchange', route);
  route();
}

/** Called by the login page with the user the token belongs to. */
export function signedIn(user) {
  state.me = user;
  document.getElementById('nav').hidden = false;
  document.getElementById('top-emergency').hidden = false;
  document.getElementById('logout').hidden = false;
  document.getElementById('who').textContent = `${user.name} · ${t('role.' + user.role)}`;
  document.getElementById('who').dataset.role = user.role;
  document.querySelectorAll('#nav [data-admin]').forEach(a => { a.hidden = user.role !== 'admin'; });
  document.querySelectorAll('#nav [data-content]').forEach(a => { a.hidden = !can('content'); });
  if (!signedIn.streaming) {
    signedIn.streaming = true;
    streamEvents();
    import('/web/banner.js').then(banner => banner.startBanner());
  }
}

/*
 * The shell around every page (issue 15). On a phone the top bar folds into a menu; every table.list
 * under #view gets its column names on its cells (data-label), which style.css shows when a narrow
 * screen turns the rows into cards. No page has to do anything for either.
 */
function openMenu(open) {
  document.getElementById('top').classList.toggle('menu-open', open);
  document.getElementById('menu-toggle').setAttribute('aria-expanded', String(open));
}

function labelTables(root) {
  root.querySelectorAll('table.list').forEach(table => {
    const names = [];
    // Pages build rows straight into the table (no tbody) as often as into thead/tbody: use table.rows.
    const head = table.tHead?.rows[table.tHead.rows.length - 1] || [...table.rows].find(r => r.querySelector(':scope > th'));
    for (const th of head ? head.cells : []) {
      for (let i = 0; i < th.colSpan; i++) names.push(th.tagName === 'TH' ? th.textContent.trim() : '');
    }
    for (const row of table.rows) {
      let column = 0;
      for (const cell of row === head ? [] : row.cells) {
        const name = names[column] || '';
        if (cell.tagName === 'TD' && cell.dataset.label !== name) cell.dataset.label = name;
        column += cell.colSpan;
      }
    }
  });
}

function startShell() {
  const top = document.getElementById('top');
  const toggle = document.getElementById('menu-toggle');
  toggle.addEventListener('click', () => openMenu(!top.classList.contains('menu-open')));
  top.addEventListener('keydown', e => {
    if (e.key === 'Escape' && top.classList.contains('menu-open')) { openMenu(false); toggle.focus(); }
  });
  document.getElementById('menu').addEventListener('click', e => { if (e.target.closest('a')) openMenu(false); });
  const view = document.getElementById('view');
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => { queued = false; labelTables(view); });
  }).observe(view, { childList: true, subtree: true, characterData: true });
}

start();
