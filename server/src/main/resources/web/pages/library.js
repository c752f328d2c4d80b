import { api, can, duration, el, notify, t, authHeaders, translate, refusal, onEvent } from '/web/app.js';
import { showDate } from '/web/pages/vntime.js';

// The library (issues 15, 16): drop or pick recordings of any format a phone makes (upload and conversion
// progress, the verdict and loudness per file), find a file by its
// title or language, give it a title and a language, rename, replace or delete it, and put programmes
// together by dragging files into order. The server decides who may change what; a refusal is told by
// its code.

/** What phones and recorders write; the server converts all of it to the station MP3 (issue 16). */
const AUDIO = '.mp3,.m4a,.aac,.mp4,.amr,.3gp,.3ga,.wav,.flac,.ogg,.oga,.opus,.wma,.webm,audio/*';

/** LUFS the Vietnamese way: a real minus sign and a decimal comma, "−16,0". */
function lufs(value) {
  return value.toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).replace('-', '\u2212');
}

/** Languages communes broadcast in: the tag stored on the server, the key of its name here. */
const LANGUAGES = [
  ['vi', 'library.lang.vi'], ['sed-x-cadong', 'library.lang.cadong'], ['sed', 'library.lang.xodang'],
  ['bdq', 'library.lang.bana'], ['hre', 'library.lang.hre'], ['ktv', 'library.lang.cotu'], ['cua', 'library.lang.co'],
];

export function languageName(code) {
  if (!code) return t('library.lang.none');
  const known = LANGUAGES.find(([c]) => c === code);
  return known ? t(known[1]) : code;
}

function languageOptions(selected, first) {
  return [el('option', { value: '' }, first), ...LANGUAGES.map(([code, key]) =>
    el('option', { value: code, selected: code === selected }, t(key)))];
}

/**
 * A refusal in Vietnamese: its code when the console knows it, else what the HTTP status means here
 * ({@code here} overrides the library-wide sentence for a status, e.g. a 409 on a playlist).
 */
function refused(status, body, here = {}) {
  if (body?.code === 'media_in_use') {
    const where = [body.params?.playlists ? t('library.inUse.playlists', { list: body.params.playlists }) : '',
      body.params?.schedules ? t('library.inUse.schedules', { list: body.params.schedules }) : ''].filter(Boolean).join('; ');
    return refusal(body) + (where ? ' ' + t('library.inUse', { where }) : '');
  }
  if (body?.code && t('code.' + body.code) !== 'code.' + body.code) return refusal(body);
  const byStatus = { 400: 'library.refused.invalid', 403: 'library.refused.notYours', 404: 'library.refused.gone',
    409: 'library.refused.exists', 413: 'library.refused.tooLarge', 415: 'library.refused.notMp3',
    507: 'library.refused.noSpace' };
  const key = here[status] || byStatus[status];
  return key ? t(key) : refusal(body);
}

export default async function library(view) {
  if (!document.getElementById('library-css')) {
    document.head.append(el('link', { id: 'library-css', rel: 'stylesheet', href: '/web/pages/library.css' }));
  }
  let media = [];
  let playlists = [];
  const uploads = el('ul', { id: 'uploads', class: 'uploads', 'aria-live': 'polite' });
  const picker = el('input', { type: 'file', id: 'upload-files', accept: AUDIO, multiple: true, class: 'visually-hidden' });
  const formats = el('p', { id: 'upload-formats', class: 'hint' });
  const dropzone = el('div', { id: 'dropzone', class: 'dropzone', role: 'button', tabindex: '0',
    'aria-describedby': 'dropzone-hint' },
  el('strong', { 'data-i18n': 'library.drop' }), el('span', { id: 'dropzone-hint', class: 'hint', 'data-i18n': 'library.dropHint' }));
  const search = el('input', { id: 'media-search', type: 'search', autocomplete: 'off' });
  const language = el('select', { id: 'media-language' });
  const shown = el('p', { id: 'media-count', class: 'muted', 'aria-live': 'polite' });
  const cards = el('ul', { id: 'media', class: 'media-cards' });
  const player = el('audio', { controls: true, id: 'preview' });
  const lists = el('div', { id: 'playlists' });
  const editorBox = el('div', { id: 'pl-editor-box' });

  view.append(el('h1', { 'data-i18n': 'library.title' }),
    can('content') ? el('section', { class: 'card' }, el('h2', { 'data-i18n': 'library.upload' }), formats, dropzone,
      picker, el('label', { for: 'upload-files', class: 'button-like', 'data-i18n': 'library.choose' }), uploads) : '',
    el('section', { class: 'card' }, el('h2', { 'data-i18n': 'library.files' }),
      el('div', { class: 'media-filters' },
        el('label', { for: 'media-search', 'data-i18n': 'library.search' }), search,
        el('label', { for: 'media-language', 'data-i18n': 'library.language' }), language),
      shown, player, cards),
    el('section', { class: 'card' }, el('h2', { 'data-i18n': 'library.playlists' }), editorBox, lists));

  const draw = () => {
    const lang = language.value;
    const matching = media.filter(m => matches(search.value, m)
      && (!lang || (lang === '-' ? !m.language : m.language === lang)));
    shown.textContent = t('library.shown', { shown: matching.length, total: media.length });
    cards.replaceChildren(...matching.map(m => card(m, player, refresh)));
    translate(cards);
  };
  const refresh = async () => {
    const [m, p] = await Promise.all([api('GET', '/api/media'), api('GET', '/api/playlists')]);
    media = (m.body || []).slice().sort((a, b) => (b.modifiedAt || '').localeCompare(a.modifiedAt || ''));
    playlists = p.body || [];
    const chosen = language.value;
    language.replaceChildren(...languageOptions(chosen, t('library.lang.all')),
      el('option', { value: '-', selected: chosen === '-' }, t('library.lang.none')));
    draw();
    lists.replaceChildren(...playlists.map(pl => el('details', { class: 'playlist', dataset: { name: pl.name } },
      el('summary', {}, `${pl.title || pl.name} · ${t('library.items', { count: pl.items.length })} · ${duration(pl.totalMs)}`),
      el('ol', {}, ...pl.items.map(i => el('li', {}, `${i.title} (${duration(i.durationMs)})`))),
      pl.problems.length ? el('p', { class: 'error', 'data-i18n': 'library.plProblems' }) : '')));
    if (can('content') && !editorBox.firstChild) editorBox.append(editor(() => media, () => playlists, refresh, editorBox));
    editorBox.dispatchEvent(new CustomEvent('library-refreshed'));
    translate(view);
  };
  if (can('content')) {
    api('GET', '/api/media/conversion').then(r => {
      if (r.status !== 200) return;
      formats.textContent = t(r.body.ffmpeg ? 'library.formats' : 'library.noFfmpeg');
      formats.classList.toggle('error', !r.body.ffmpeg);
    });
  }
  search.addEventListener('input', draw);
  language.addEventListener('change', draw);

  const send = files => {
    for (const file of files) upload(file, false, uploads, refresh);
  };
  picker.addEventListener('change', () => { send(picker.files); picker.value = ''; });
  dropzone.addEventListener('click', () => picker.click());
  dropzone.addEventListener('keydown', e => {
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); picker.click(); }
  });
  dropzone.addEventListener('dragover', e => { e.preventDefault(); dropzone.classList.add('over'); });
  dropzone.addEventListener('dragleave', () => dropzone.classList.remove('over'));
  dropzone.addEventListener('drop', e => {
    e.preventDefault();
    dropzone.classList.remove('over');
    send(e.dataTransfer?.files || []);
  });
  await refresh();
}

/** Lower case without Vietnamese marks, so "ban tin" finds "Bản tin". */
function fold(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/**
 * Every word typed is in the title, the file name or the language's name, marks or not: "ban tin ca
 * dong" finds "Bản tin tiếng Ca Dong", and so does "ban tin" + a file tagged Ca Dong.
 */
function matches(query, m) {
  const where = fold(`${m.title} ${m.path} ${m.language ? languageName(m.language) : ''}`);
  return fold(query).split(/\s+/).filter(Boolean).every(word => where.includes(word));
}

// XMLHttpRequest, not fetch, because only it reports upload progress.
function upload(file, replace, list, done) {
  const bar = el('progress', { max: 100, value: 0, 'aria-label': file.name });
  const result = el('span', { class: 'result' });
  const item = el('li', { dataset: { file: file.name } }, el('span', { class: 'name' }, file.name), bar, result);
  list.append(item);
  const xhr = new XMLHttpRequest();
  xhr.open('POST', '/api/media?name=' + encodeURIComponent(file.name) + (replace ? '&replace=true' : ''));
  Object.entries(authHeaders('POST')).forEach(([name, value]) => xhr.setRequestHeader(name, value));
  xhr.setRequestHeader('Content-Type', file.type && file.type.startsWith('audio/') ? file.type : 'application/octet-stream');
  xhr.upload.onprogress = e => { if (e.lengthComputable) bar.value = 100 * e.loaded / e.total; };
  // Once sent, the bar shows the server's conversion, which it tells on the event stream by the upload's name.
  const converting = onEvent(event => {
    if (event.type !== 'media.progress' || event.data?.name !== file.name) return;
    bar.value = event.data.percent;
    result.textContent = t('library.converting', { percent: event.data.percent });
  });
  xhr.upload.onload = () => { bar.value = 0; };
  xhr.onload = () => {
    converting();
    let body = {};
    try { body = JSON.parse(xhr.responseText); } catch (e) { body = {}; }
    bar.value = 100;
    const ok = xhr.status === 201;
    item.classList.add(ok ? 'ok' : 'refused');
    const measured = body.loudness?.integratedLufs;
    result.textContent = !ok ? refused(xhr.status, body) : measured != null
      ? t('library.uploadedLoudness', { length: duration(body.durationMs), lufs: lufs(measured) })
      : t('library.uploaded', { length: duration(body.durationMs) });
    if (xhr.status === 409 && !replace) {
      result.append(' ', el('button', { type: 'button', class: 'replace-upload', onclick: () => { item.remove(); upload(file, true, list, done); } },
        t('library.replaceOld')));
    }
    if (ok) done();
  };
  xhr.onerror = () => { converting(); item.classList.add('refused'); result.textContent = t('common.networkError'); };
  xhr.send(file);
}

async function preview(path, player) {
  const response = await fetch('/api/media/audio?path=' + encodeURIComponent(path), { headers: authHeaders() });
  if (!response.ok) { notify(t('common.failed'), 'error'); return; }
  player.src = URL.createObjectURL(await response.blob());
  player.play().catch(() => {});
}

const fileName = path => path.substring(path.lastIndexOf('/') + 1);

/** The card's loudness: "−16,0 LUFS", marked when it is off the common level, or that it is not measured yet. */
function loudness(l) {
  if (!l || l.integratedLufs == null) return el('span', { class: 'loudness pending' }, t('library.loudnessPending'));
  const state = t(l.normalised ? 'library.loudnessNormalised' : 'library.loudnessOff');
  return el('span', { class: 'loudness' + (l.normalised ? '' : ' off'), title: state },
    el('span', { class: 'visually-hidden' }, t('library.loudness') + ' '),
    t('library.loudnessValue', { lufs: lufs(l.integratedLufs) }),
    el('span', { class: 'visually-hidden' }, ', ' + state));
}

/** One file as a card: what it is, then what can be done with it. */
function card(m, player, refresh) {
  const url = '/api/media/' + m.path.split('/').map(encodeURIComponent).join('/');
  const error = el('p', { class: 'error', role: 'alert' });
  const date = m.modifiedAt ? showDate(new Date(m.modifiedAt)) : '–';
  const item = el('li', { class: 'media-card' + (m.accepted ? '' : ' rejected'), dataset: { path: m.path } },
    el('h3', { class: 'media-title' }, m.title),
    el('p', { class: 'media-file muted' }, m.path),
    el('p', { class: 'media-facts' },
      el('span', { class: 'lang' + (m.language ? '' : ' none') }, languageName(m.language)),
      el('span', {}, el('span', { class: 'visually-hidden' }, t('library.length') + ' '), el('span', { class: 'length' }, duration(m.durationMs))),
      el('span', {}, el('span', { class: 'visually-hidden' }, t('library.added') + ' '), el('span', { class: 'date' }, date)),
      m.accepted ? loudness(m.loudness) : ''),
    m.accepted ? '' : el('p', { class: 'error', 'data-i18n': 'library.rejected' }));
  const actions = el('div', { class: 'actions' });
  if (m.accepted) {
    actions.append(el('button', { type: 'button', class: 'play', onclick: () => preview(m.path, player),
      'aria-label': t('library.playNamed', { title: m.title }) }, t('library.play')));
  }
  if (can('content') && !m.mayChange) {
    item.append(el('p', { class: 'muted read-only' }, t('library.readOnly')));
  }
  if (can('content') && m.mayChange) {
    const replacePicker = el('input', { type: 'file', accept: AUDIO, class: 'visually-hidden', tabindex: '-1', 'aria-hidden': 'true',
      'aria-label': t('library.replaceNamed', { title: m.title }) });
    replacePicker.addEventListener('change', () => {
      const chosen = replacePicker.files[0];
      if (chosen) {
        // The new recording may be of another format: it keeps its extension, the server makes the MP3.
        const ext = chosen.name.includes('.') ? chosen.name.substring(chosen.name.lastIndexOf('.')) : '.mp3';
        const renamed = new File([chosen], fileName(m.path).replace(/\.mp3$/i, ext), { type: chosen.type });
        upload(renamed, true, document.getElementById('uploads') || el('ul'), refresh);
      }
    });
    actions.append(
      el('button', { type: 'button', class: 'edit', 'aria-expanded': 'false', 'aria-label': t('library.editNamed', { title: m.title }), onclick: e => toggleForm(e.currentTarget) }, t('common.edit')),
      el('button', { type: 'button', class: 'replace', 'aria-label': t('library.replaceNamed', { title: m.title }), onclick: () => replacePicker.click() }, t('library.replace')), replacePicker,
      el('button', { type: 'button', class: 'danger delete', 'aria-label': t('library.deleteNamed', { title: m.title }), onclick: async () => {
        if (!window.confirm(t('library.confirmDelete', { title: m.title }))) return;
        const r = await api('DELETE', url);
        if (r.status === 200) { notify(t('library.deleted'), 'info'); refresh(); } else error.textContent = refused(r.status, r.body);
      } }, t('common.delete')));
  }
  item.append(actions, error);

  const toggleForm = button => {
    const open = item.querySelector('form');
    if (open) { open.remove(); button.setAttribute('aria-expanded', 'false'); return; }
    button.setAttribute('aria-expanded', 'true');
    const id = 'm' + Math.random().toString(36).slice(2, 8);
    const title = el('input', { id: id + '-title', class: 'f-title', value: m.title, maxlength: 200 });
    const lang = el('select', { id: id + '-lang', class: 'f-lang' }, ...languageOptions(m.language, t('library.lang.none')));
    const name = el('input', { id: id + '-name', class: 'f-name', value: fileName(m.path), maxlength: 104 });
    const form = el('form', { class: 'media-form' },
      el('label', { for: id + '-title' }, t('library.titleCol')), title,
      el('label', { for: id + '-lang' }, t('library.language')), lang,
      el('label', { for: id + '-name' }, t('library.fileName')), name,
      el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'save primary' }, t('common.save')),
        el('button', { type: 'button', onclick: () => toggleForm(button) }, t('library.cancel'))));
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const body = {};
      if (title.value.trim() !== m.title) body.title = title.value.trim();
      if (lang.value !== (m.language || '')) body.language = lang.value || null;
      if (name.value.trim() !== fileName(m.path)) body.name = name.value.trim();
      if (!Object.keys(body).length) { toggleForm(button); return; }
      const r = await api('PATCH', url, body);
      if (r.status === 200) { notify(t('library.saved'), 'info'); refresh(); } else error.textContent = refused(r.status, r.body);
    });
    item.insertBefore(form, error);
    title.focus();
  };
  return item;
}

// Build or change a playlist: add files found by search, put them in order by dragging (or with the
// buttons, on touch and from the keyboard), see the total length, save against the version read.
function editor(mediaNow, playlistsNow, saved, host) {
  let items = [];
  let version = 0;
  let dragged = null;
  const load = el('select', { id: 'pl-load' });
  const name = el('input', { id: 'pl-name', placeholder: 'ten-danh-sach.m3u8' });
  const title = el('input', { id: 'pl-title' });
  const find = el('input', { id: 'pl-find', type: 'search', autocomplete: 'off' });
  const found = el('ul', { id: 'pl-found', class: 'pl-found' });
  const list = el('ol', { id: 'pl-items', class: 'pl-items' });
  const total = el('p', { id: 'pl-total', class: 'pl-total' });
  const error = el('p', { id: 'pl-error', class: 'error', role: 'alert' });
  const remove = el('button', { type: 'button', id: 'pl-delete', class: 'danger', hidden: true, onclick: async () => {
    if (!load.value || !window.confirm(t('library.plConfirmDelete', { title: title.value || load.value }))) return;
    const r = await api('DELETE', '/api/playlists/' + encodeURIComponent(load.value));
    if (r.status === 200) {
      notify(t('library.plDeleted'), 'info');
      load.value = '';
      await saved();
      open();
    } else {
      error.textContent = refused(r.status, r.body, { 409: 'library.plInUse', 404: 'library.plGone' });
    }
  } }, t('library.plDelete'));
  const files = () => mediaNow().filter(m => m.accepted);
  const fileOf = path => files().find(f => f.path === path) || { path, title: path, durationMs: 0 };
  const move = (from, to) => {
    if (to < 0 || to >= items.length || from === to) return;
    const [it] = items.splice(from, 1);
    items.splice(to, 0, it);
    draw(to);
  };
  const draw = focusAt => {
    list.replaceChildren(...items.map((path, i) => {
      const f = fileOf(path);
      const li = el('li', { draggable: 'true', dataset: { path, index: i } },
        el('span', { class: 'grip', 'aria-hidden': 'true' }, '⠿'),
        el('span', { class: 'what' }, f.title, ' ', el('span', { class: 'muted' }, duration(f.durationMs))),
        el('span', { class: 'moves' },
          el('button', { type: 'button', class: 'up', disabled: i === 0, 'aria-label': t('library.moveUp', { title: f.title }), onclick: () => move(i, i - 1) }, '↑'),
          el('button', { type: 'button', class: 'down', disabled: i === items.length - 1, 'aria-label': t('library.moveDown', { title: f.title }), onclick: () => move(i, i + 1) }, '↓'),
          el('button', { type: 'button', class: 'remove', 'aria-label': t('library.removeItem', { title: f.title }), onclick: () => { items.splice(i, 1); draw(); } }, '✕')));
      li.addEventListener('dragstart', e => {
        dragged = i;
        li.classList.add('dragging');
        if (e.dataTransfer) { e.dataTransfer.effectAllowed = 'move'; e.dataTransfer.setData('text/plain', String(i)); }
      });
      li.addEventListener('dragend', () => { dragged = null; li.classList.remove('dragging'); });
      li.addEventListener('dragover', e => { e.preventDefault(); li.classList.add('drop'); });
      li.addEventListener('dragleave', () => li.classList.remove('drop'));
      li.addEventListener('drop', e => {
        e.preventDefault();
        li.classList.remove('drop');
        const from = dragged ?? Number(e.dataTransfer?.getData('text/plain'));
        dragged = null;
        if (Number.isInteger(from)) move(from, i);
      });
      return li;
    }));
    const sum = items.reduce((a, p) => a + (fileOf(p).durationMs || 0), 0);
    total.textContent = t('library.total', { length: duration(sum) }) + ' · ' + t('library.items', { count: items.length });
    if (focusAt !== undefined) {
      const target = list.children[focusAt]?.querySelector('button.up:not([disabled]), button.down:not([disabled])');
      target?.focus();
    }
  };
  const drawFound = () => {
    const hits = find.value.trim() ? files().filter(f => matches(find.value, f)).slice(0, 8) : [];
    found.replaceChildren(...hits.map(f => el('li', {}, el('button', { type: 'button', class: 'add', dataset: { path: f.path },
      onclick: () => { items.push(f.path); find.value = ''; drawFound(); draw(); find.focus(); } }, '+ ', f.title, ' ', el('span', { class: 'muted' }, `${languageName(f.language)} · ${duration(f.durationMs)}`)))));
  };
  const fillLoad = () => {
    const chosen = load.value;
    load.replaceChildren(el('option', { value: '' }, t('library.plNew')),
      ...playlistsNow().filter(p => p.mayChange).map(p => el('option', { value: p.name, selected: p.name === chosen }, p.title || p.name)));
  };
  const open = () => {
    const p = playlistsNow().find(x => x.name === load.value);
    items = p ? p.items.map(i => i.path) : [];
    version = p ? p.version : 0;
    name.value = p ? p.name : '';
    name.disabled = !!p;
    remove.hidden = !p;
    title.value = p ? (p.title || '') : '';
    error.textContent = '';
    draw();
  };
  load.addEventListener('change', open);
  find.addEventListener('input', drawFound);
  const box = el('div', { class: 'pl-editor' }, el('h3', { 'data-i18n': 'library.plEditor' }),
    el('div', { class: 'pl-fields' },
      el('label', { for: 'pl-load', 'data-i18n': 'library.plOpen' }), load,
      el('label', { for: 'pl-name', 'data-i18n': 'library.plFile' }), name,
      el('label', { for: 'pl-title', 'data-i18n': 'library.plTitle' }), title,
      el('label', { for: 'pl-find', 'data-i18n': 'library.plFind' }), find),
    found, el('p', { class: 'hint', 'data-i18n': 'library.plDragHint' }), list, total, error,
    el('button', { type: 'button', id: 'pl-save', class: 'primary', onclick: async () => {
      error.textContent = '';
      if (!items.length) { error.textContent = t('library.plEmpty'); return; }
      const body = { title: title.value.trim() || null, items: items.map(path => ({ path })) };
      const plName = name.value.trim().endsWith('.m3u8') || !name.value.trim() ? name.value.trim() : name.value.trim() + '.m3u8';
      const r = version ? await api('PUT', '/api/playlists/' + encodeURIComponent(plName), { ...body, version })
        : await api('POST', '/api/playlists', { ...body, name: plName });
      if (r.status < 300) {
        notify(t('library.plSaved'), 'info');
        await saved();
        load.value = plName;
        open();
      } else if (r.status === 409 && version) {
        error.replaceChildren(t('library.plStale'), ' ',
          el('button', { type: 'button', id: 'pl-reload', onclick: async () => { await saved(); open(); } }, t('library.plReload')));
      } else {
        error.textContent = refused(r.status, r.body, { 409: 'library.plExists' });
      }
    }, 'data-i18n': 'common.save' }), ' ', remove);
  host.addEventListener('library-refreshed', fillLoad);
  draw();
  return box;
}
