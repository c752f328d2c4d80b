import { api, can, duration, el, notify, t, authHeaders, translate } from '/web/app.js';

// The library: upload MP3s (progress and the server's verdict per file), preview, and build playlists.
export default async function library(view) {
  const uploads = el('ul', { id: 'uploads', class: 'uploads' });
  const picker = el('input', { type: 'file', id: 'upload-files', accept: '.mp3,audio/mpeg', multiple: true });
  const mediaTable = el('table', { id: 'media', class: 'list' });
  const player = el('audio', { controls: true, id: 'preview' });
  const lists = el('div', { id: 'playlists' });
  view.append(el('h1', { 'data-i18n': 'library.title' }),
    can('content') ? el('section', { class: 'card' }, el('h2', { 'data-i18n': 'library.upload' }),
      el('label', { for: 'upload-files', 'data-i18n': 'library.choose' }), picker, uploads) : '',
    el('section', { class: 'card' }, el('h2', { 'data-i18n': 'library.files' }), player, mediaTable),
    el('section', { class: 'card' }, el('h2', { 'data-i18n': 'library.playlists' }), lists));

  const refresh = async () => {
    const [media, playlists] = await Promise.all([api('GET', '/api/media'), api('GET', '/api/playlists')]);
    mediaTable.replaceChildren(el('tr', {}, ...['library.file', 'library.titleCol', 'library.length', 'library.verdict', ''].map(k => el('th', { 'data-i18n': k }))),
      ...media.body.map(m => el('tr', { class: m.accepted ? '' : 'rejected', dataset: { path: m.path } },
        el('td', {}, m.path), el('td', {}, m.title || ''), el('td', {}, duration(m.durationMs)),
        el('td', {}, m.accepted ? t('library.accepted') : m.reason),
        el('td', {}, m.accepted ? el('button', { type: 'button', onclick: () => preview(m.path, player), 'data-i18n': 'library.play' }) : ''))));
    lists.replaceChildren(editor(media.body.filter(m => m.accepted), playlists.body, refresh),
      ...playlists.body.map(p => el('details', { class: 'playlist', dataset: { name: p.name } },
        el('summary', {}, `${p.title || p.name} · ${p.items.length} · ${duration(p.totalMs)}`),
        el('ol', {}, ...p.items.map(i => el('li', {}, `${i.title} (${duration(i.durationMs)})`))),
        p.problems.length ? el('p', { class: 'error' }, p.problems.join('; ')) : '')));
    translate(view);
  };
  picker.addEventListener('change', () => {
    for (const file of picker.files) upload(file, uploads, refresh);
    picker.value = '';
  });
  await refresh();
}

// XMLHttpRequest, not fetch, because only it reports upload progress.
function upload(file, list, done) {
  const bar = el('progress', { max: 100, value: 0 });
  const result = el('span', { class: 'result' });
  const item = el('li', { dataset: { file: file.name } }, el('span', {}, file.name + ' '), bar, ' ', result);
  list.append(item);
  const xhr = new XMLHttpRequest();
  xhr.open('POST', '/api/media?name=' + encodeURIComponent(file.name));
  Object.entries(authHeaders('POST')).forEach(([name, value]) => xhr.setRequestHeader(name, value));
  xhr.setRequestHeader('Content-Type', 'audio/mpeg');
  xhr.upload.onprogress = e => { if (e.lengthComputable) bar.value = 100 * e.loaded / e.total; };
  xhr.onload = () => {
    let body = {};
    try { body = JSON.parse(xhr.responseText); } catch (e) { body = { error: xhr.responseText }; }
    bar.value = 100;
    item.classList.add(xhr.status === 201 ? 'ok' : 'refused');
    result.textContent = xhr.status === 201 ? t('library.uploaded', { length: duration(body.durationMs) }) : body.error;
    if (xhr.status === 201) done();
  };
  xhr.onerror = () => { item.classList.add('refused'); result.textContent = t('common.networkError'); };
  xhr.send(file);
}

async function preview(path, player) {
  const response = await fetch('/api/media/audio?path=' + encodeURIComponent(path), { headers: authHeaders() });
  if (!response.ok) { notify(t('common.failed'), 'error'); return; }
  player.src = URL.createObjectURL(await response.blob());
  player.play().catch(() => {});
}

// Build or change a playlist: add files, move them up and down, see the total length, save.
function editor(files, playlists, saved) {
  if (!can('content')) return '';
  let items = [];
  let version = 0;
  const name = el('input', { id: 'pl-name', 'data-i18n-placeholder': 'library.plName' });
  const title = el('input', { id: 'pl-title', 'data-i18n-placeholder': 'library.plTitle' });
  const pick = el('select', { id: 'pl-add' }, ...files.map(f => el('option', { value: f.path }, f.path)));
  const list = el('ol', { id: 'pl-items' });
  const total = el('p', { id: 'pl-total' });
  const load = el('select', { id: 'pl-load' }, el('option', { value: '', 'data-i18n': 'library.plNew' }),
    ...playlists.filter(p => p.source === 'api').map(p => el('option', { value: p.name }, p.name)));
  const lengthOf = path => (files.find(f => f.path === path) || {}).durationMs || 0;
  const draw = () => {
    list.replaceChildren(...items.map((path, i) => el('li', {}, `${path} (${duration(lengthOf(path))}) `,
      el('button', { type: 'button', onclick: () => { if (i > 0) { [items[i - 1], items[i]] = [items[i], items[i - 1]]; draw(); } } }, '↑'),
      el('button', { type: 'button', onclick: () => { if (i < items.length - 1) { [items[i + 1], items[i]] = [items[i], items[i + 1]]; draw(); } } }, '↓'),
      el('button', { type: 'button', onclick: () => { items.splice(i, 1); draw(); } }, '✕'))));
    total.textContent = t('library.total', { length: duration(items.reduce((a, p) => a + lengthOf(p), 0)) });
  };
  load.addEventListener('change', () => {
    const p = playlists.find(x => x.name === load.value);
    items = p ? p.items.map(i => i.path) : [];
    version = p ? p.version : 0;
    name.value = p ? p.name : '';
    title.value = p ? (p.title || '') : '';
    draw();
  });
  draw();
  return el('div', { class: 'editor card' }, el('h3', { 'data-i18n': 'library.plEditor' }), load, name, title,
    el('div', {}, pick, el('button', { type: 'button', id: 'pl-add-button', onclick: () => { items.push(pick.value); draw(); }, 'data-i18n': 'library.plAdd' })),
    list, total,
    el('button', { type: 'button', id: 'pl-save', onclick: async () => {
      const body = { title: title.value || null, items: items.map(path => ({ path })), version };
      const r = version ? await api('PUT', '/api/playlists/' + encodeURIComponent(name.value), body)
        : await api('POST', '/api/playlists', { ...body, name: name.value, version: undefined });
      notify(r.status < 300 ? t('library.plSaved') : r.body.error, r.status < 300 ? 'info' : 'error');
      if (r.status < 300) saved();
    }, 'data-i18n': 'common.save' }));
}
