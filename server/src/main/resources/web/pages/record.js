import { api, can, duration, el, t, authHeaders, translate, refusal } from '/web/app.js';
import { RATE, encodeMp3, wav } from '/web/pages/record-mp3.js';

// Recording in the browser (issue 16): the microphone into MediaRecorder, the input level read live by an
// AnalyserNode, the take decoded to PCM, trimmed at both ends, encoded here to the station format (MP3
// 44.1 kHz mono 64 kbit/s CBR, lamejs served from the jar) and uploaded like any library file. Encoding in
// the browser means one encode, no server CPU, and a file the server need not convert.

/** A longer take would hold too much PCM in a phone's memory; a bulletin is far shorter. */
const MAX_SECONDS = 30 * 60;
/** The least a trimmed take keeps, so the two sliders can never meet. */
const MIN_KEPT = 0.5;
/** The meter's floor: quieter than this reads as silence. */
const FLOOR_DB = -60;
/** How far the bar falls from one reading to the next (100 ms), in hundredths of its 60 dB: 2.4 dB. */
const FALL_PER_TICK = 4;

const number = (value, digits = 1) => value.toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN',
  { minimumFractionDigits: digits, maximumFractionDigits: digits });
const seconds = value => t('record.seconds', { value: number(value) });
/** A take's length: tenths of a second while short, minutes and seconds once long. */
const length = ms => (ms < 60000 ? seconds(ms / 1000) : duration(ms));

export default async function record(view) {
  if (!document.getElementById('record-css')) {
    document.head.append(el('link', { id: 'record-css', rel: 'stylesheet', href: '/web/pages/record.css' }));
  }
  const phoneNote = el('p', { class: 'record-phone' }, el('span', { 'data-i18n': 'record.phoneNote' }), ' ',
    el('a', { href: '#/library', id: 'record-upload-link', 'data-i18n': 'record.phoneLink' }));
  view.append(el('h1', { 'data-i18n': 'record.title' }), phoneNote);
  if (!can('content')) {
    view.append(el('p', { class: 'card', id: 'record-not-allowed', 'data-i18n': 'record.notAllowed' }));
    return;
  }
  const recorder = capture(samples => editor.show(samples));
  const editor = trimmer();
  const saver = saving(() => editor.kept());
  view.append(recorder.box, editor.box, saver.box);
  editor.box.hidden = true;
  saver.box.hidden = true;
  editor.onReady = () => { saver.box.hidden = false; };
  // Leaving the page must not leave the microphone on.
  window.addEventListener('hashchange', () => recorder.release(), { once: true });
}

/** The record button, the live level, the elapsed time; hands the finished take over as mono PCM at 44.1 kHz. */
function capture(done) {
  // Its words change with what a press will do (start, stop, again), so it is a plain button, not a toggle.
  const toggle = el('button', { type: 'button', id: 'rec-toggle', class: 'rec-toggle' },
    el('span', { class: 'rec-dot', 'aria-hidden': 'true' }), el('span', { class: 'rec-label', 'data-i18n': 'record.start' }));
  const elapsed = el('output', { id: 'rec-elapsed', class: 'rec-elapsed', 'data-ms': '0' }, '0:00');
  const meter = el('meter', { id: 'rec-level', min: 0, max: 100, low: 60, high: 90, optimum: 50, value: 0, 'data-peak': '0' });
  const levelText = el('output', { id: 'rec-level-text', class: 'rec-level-text', for: 'rec-level' }, t('record.silent'));
  const error = el('p', { id: 'rec-error', class: 'error', role: 'alert' });
  const status = el('p', { id: 'rec-status', class: 'muted', role: 'status' });
  const box = el('section', { class: 'card rec-capture', 'aria-labelledby': 'rec-capture-h' },
    el('h2', { id: 'rec-capture-h', 'data-i18n': 'record.step1' }),
    el('div', { class: 'rec-controls' }, toggle,
      el('div', { class: 'rec-readout' },
        el('label', { for: 'rec-elapsed', 'data-i18n': 'record.elapsed' }), elapsed,
        el('label', { for: 'rec-level', 'data-i18n': 'record.level' }), el('span', { class: 'rec-level' }, meter, levelText))),
    el('p', { class: 'hint', 'data-i18n': 'record.hint' }), status, error);

  let session = null;
  const release = () => {
    if (!session) return;
    clearInterval(session.timer);
    session.stream.getTracks().forEach(track => track.stop());
    session.context.close().catch(() => {});
    session = null;
  };
  const label = key => { toggle.querySelector('.rec-label').textContent = t(key); };

  const start = async () => {
    error.textContent = '';
    const refusedBy = unavailable();
    if (refusedBy) { error.textContent = t(refusedBy); return; }
    let stream;
    toggle.disabled = true; // one request for the microphone at a time
    try {
      // No call-style processing: a bulletin is played on horns, and the loudness is evened out later.
      stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false } });
    } catch (e) {
      error.textContent = t(micProblem(e));
      return;
    } finally {
      toggle.disabled = false;
    }
    // The meter runs at the device's own rate (some browsers refuse a microphone into a context of another rate).
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    // A window longer than the 100 ms between readings, so no short sound falls between two of them.
    analyser.fftSize = 8192;
    context.createMediaStreamSource(stream).connect(analyser);
    const chunks = [];
    const media = new MediaRecorder(stream);
    media.ondataavailable = e => { if (e.data.size) chunks.push(e.data); };
    const began = performance.now();
    let peak = 0;
    let shown = 0;
    const wave = new Float32Array(analyser.fftSize);
    const tick = () => {
      const ms = performance.now() - began;
      elapsed.textContent = duration(ms);
      elapsed.dataset.ms = String(Math.round(ms));
      analyser.getFloatTimeDomainData(wave);
      const loudest = wave.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      const db = loudest > 0 ? 20 * Math.log10(loudest) : -Infinity;
      const level = Math.max(0, Math.min(100, 100 * (db - FLOOR_DB) / -FLOOR_DB));
      // Falls back like a broadcast peak meter (about 24 dB a second), so a short syllable stays readable.
      shown = Math.max(level, shown - FALL_PER_TICK);
      peak = Math.max(peak, level);
      meter.value = shown;
      meter.dataset.peak = String(Math.round(peak));
      levelText.textContent = shown > 0 ? t('record.db', { value: number(FLOOR_DB * (1 - shown / 100) + 0, 0) }) : t('record.silent');
      if (ms >= MAX_SECONDS * 1000) stop();
    };
    media.onstop = async () => {
      const blob = new Blob(chunks, { type: media.mimeType });
      status.textContent = t('record.decoding');
      try {
        // Decoded straight to the station's rate: the browser resamples whatever the device gave.
        const decoded = await new OfflineAudioContext(1, RATE, RATE).decodeAudioData(await blob.arrayBuffer());
        release();
        status.textContent = '';
        done(mono(decoded));
      } catch (e) {
        release();
        status.textContent = '';
        error.textContent = t('record.decodeFailed');
      }
    };
    session = { stream, context, media, timer: setInterval(tick, 100) };
    media.start(1000);
    toggle.classList.add('on');
    label('record.stop');
    status.textContent = t('record.recording');
  };
  const stop = () => {
    if (!session || session.media.state === 'inactive') return;
    clearInterval(session.timer);
    session.media.stop();
    toggle.classList.remove('on');
    label('record.again');
    meter.value = 0;
    levelText.textContent = t('record.silent');
  };
  toggle.addEventListener('click', () => (session ? stop() : start()));
  return { box, release };
}

/** The key of the reason this browser cannot record at all, or null. */
function unavailable() {
  // Browsers give the microphone only to pages opened over https:// or on the machine itself.
  if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) return 'record.insecure';
  if (typeof MediaRecorder === 'undefined') return 'record.unsupported';
  return null;
}

function micProblem(e) {
  if (e?.name === 'NotAllowedError' || e?.name === 'SecurityError') return 'record.micRefused';
  if (e?.name === 'NotFoundError' || e?.name === 'OverconstrainedError') return 'record.noMic';
  if (e?.name === 'NotReadableError') return 'record.micBusy';
  return 'record.micFailed';
}

/** The channels of a decoded take averaged into one (the station format is mono). */
function mono(buffer) {
  const out = new Float32Array(buffer.length);
  for (let c = 0; c < buffer.numberOfChannels; c++) {
    const channel = buffer.getChannelData(c);
    for (let i = 0; i < out.length; i++) out[i] += channel[i] / buffer.numberOfChannels;
  }
  return out;
}

/** The waveform with the parts to drop shaded, two sliders for what to cut at each end, and the player. */
function trimmer() {
  const canvas = el('canvas', { id: 'rec-wave', class: 'rec-wave', role: 'img', height: 96 });
  const head = el('input', { type: 'range', id: 'rec-start', min: 0, step: 0.1, value: 0 });
  const tail = el('input', { type: 'range', id: 'rec-end', min: 0, step: 0.1, value: 0 });
  const headText = el('output', { id: 'rec-start-text', for: 'rec-start' });
  const tailText = el('output', { id: 'rec-end-text', for: 'rec-end' });
  const kept = el('p', { id: 'rec-kept', class: 'rec-kept' });
  const player = el('audio', { id: 'rec-player', controls: true, preload: 'auto', 'aria-labelledby': 'rec-listen' });
  const box = el('section', { class: 'card rec-trim', 'aria-labelledby': 'rec-trim-h' },
    el('h2', { id: 'rec-trim-h', 'data-i18n': 'record.step2' }),
    canvas,
    el('div', { class: 'rec-sliders' },
      el('label', { for: 'rec-start', 'data-i18n': 'record.cutStart' }), head, headText,
      el('label', { for: 'rec-end', 'data-i18n': 'record.cutEnd' }), tail, tailText),
    kept, el('p', { class: 'hint', 'data-i18n': 'record.trimHint' }),
    el('p', { id: 'rec-listen', class: 'rec-listen', 'data-i18n': 'record.listen' }), player);
  let samples = null;
  let url = null;
  let pending = null;
  const total = () => samples.length / RATE;
  const cut = () => [Number(head.value), Number(tail.value)];
  const self = { box, onReady: () => {} };

  /** Lowest and highest sample under each pixel column, worked out once per take and width, not per slider step. */
  let envelope = { width: 0, samples: null, low: null, high: null };
  const columns = width => {
    if (envelope.width === width && envelope.samples === samples) return envelope;
    const low = new Float32Array(width);
    const high = new Float32Array(width);
    const per = samples.length / width;
    for (let x = 0; x < width; x++) {
      const end = Math.min(samples.length, Math.floor((x + 1) * per));
      for (let i = Math.floor(x * per); i < end; i++) {
        if (samples[i] < low[x]) low[x] = samples[i];
        if (samples[i] > high[x]) high[x] = samples[i];
      }
    }
    envelope = { width, samples, low, high };
    return envelope;
  };
  const draw = () => {
    if (!samples) return;
    const width = Math.max(1, Math.round(canvas.clientWidth * (window.devicePixelRatio || 1)));
    const height = canvas.height;
    canvas.width = width;
    const g = canvas.getContext('2d');
    const [from, to] = cut();
    const keptFrom = Math.round(width * from / total());
    const keptTo = Math.round(width * (1 - to / total()));
    const { low, high } = columns(width);
    for (let x = 0; x < width; x++) {
      g.fillStyle = x >= keptFrom && x < keptTo ? '#0d47a1' : '#b0b7c3';
      g.fillRect(x, (1 - high[x]) * height / 2, 1, Math.max(1, (high[x] - low[x]) * height / 2));
    }
    g.fillStyle = 'rgba(27, 27, 27, 0.12)';
    g.fillRect(0, 0, keptFrom, height);
    g.fillRect(keptTo, 0, width - keptTo, height);
  };
  const describe = () => {
    const [from, to] = cut();
    headText.textContent = seconds(from);
    tailText.textContent = seconds(to);
    head.setAttribute('aria-valuetext', seconds(from));
    tail.setAttribute('aria-valuetext', seconds(to));
    const length = total() - from - to;
    kept.textContent = t('record.kept', { length: seconds(length), total: seconds(total()) });
    kept.dataset.seconds = length.toFixed(2);
    canvas.setAttribute('aria-label', t('record.wave', { total: seconds(total()), from: seconds(from), to: seconds(total() - to) }));
  };
  const listen = () => {
    if (url) URL.revokeObjectURL(url);
    url = URL.createObjectURL(wav(self.kept()));
    player.src = url;
  };
  /** One slider moved: the other end stays, and at least MIN_KEPT seconds stay between them. */
  const clamp = moved => {
    const other = moved === head ? tail : head;
    const most = Math.max(0, total() - MIN_KEPT - Number(other.value));
    if (Number(moved.value) > most) moved.value = String(Math.floor(most * 10) / 10);
  };
  for (const slider of [head, tail]) {
    slider.addEventListener('input', () => { clamp(slider); describe(); draw(); });
    // Each arrow press is a change: build the listen-back once the presses pause, not for every one.
    slider.addEventListener('change', () => { clearTimeout(pending); pending = setTimeout(listen, 300); });
  }
  new ResizeObserver(draw).observe(canvas);

  self.show = taken => {
    samples = taken;
    const most = String(Math.floor((total() - MIN_KEPT) * 10) / 10);
    for (const slider of [head, tail]) { slider.max = most; slider.value = '0'; }
    box.hidden = false;
    describe();
    draw();
    listen();
    self.onReady();
  };
  /** The PCM between the two cuts: what is heard, and what is saved. */
  self.kept = () => {
    const [from, to] = cut();
    return samples.subarray(Math.round(from * RATE), Math.round(samples.length - to * RATE));
  };
  return self;
}

/** Name, title and Save: encode, upload with progress, give the title, then show the new library entry. */
function saving(kept) {
  const stamp = new Date();
  const two = n => String(n).padStart(2, '0');
  const name = el('input', { id: 'rec-name', maxlength: 100, autocomplete: 'off', 'aria-describedby': 'rec-name-hint',
    value: `ghi-am-${stamp.getFullYear()}${two(stamp.getMonth() + 1)}${two(stamp.getDate())}-${two(stamp.getHours())}${two(stamp.getMinutes())}` });
  const title = el('input', { id: 'rec-title', maxlength: 200, autocomplete: 'off' });
  const save = el('button', { type: 'submit', id: 'rec-save', class: 'primary big', 'data-i18n': 'record.save' });
  const bar = el('progress', { id: 'rec-progress', max: 100, value: 0, hidden: true, 'aria-labelledby': 'rec-progress-text' });
  const barText = el('span', { id: 'rec-progress-text' });
  const result = el('div', { id: 'rec-result', role: 'status' });
  const error = el('p', { id: 'rec-save-error', class: 'error', role: 'alert' });
  const form = el('form', { class: 'card rec-save', 'aria-labelledby': 'rec-save-h' },
    el('h2', { id: 'rec-save-h', 'data-i18n': 'record.step3' }),
    el('div', { class: 'rec-fields' },
      el('label', { for: 'rec-title', 'data-i18n': 'record.titleField' }), title,
      el('label', { for: 'rec-name', 'data-i18n': 'record.nameField' }),
      el('span', { class: 'rec-name' }, name, el('span', { 'aria-hidden': 'true' }, '.mp3'))),
    el('p', { id: 'rec-name-hint', class: 'hint', 'data-i18n': 'record.nameHint' }),
    save, el('p', { class: 'rec-progress' }, bar, ' ', barText), error, result);
  const show = (fraction, key) => {
    bar.hidden = false;
    bar.value = Math.round(100 * fraction);
    barText.textContent = t(key, { percent: Math.round(100 * fraction) });
  };
  form.addEventListener('submit', async e => {
    e.preventDefault();
    error.textContent = '';
    result.replaceChildren();
    const file = name.value.trim().replace(/\.mp3$/i, '') + '.mp3';
    save.disabled = true;
    try {
      const mp3 = await encodeMp3(kept(), f => show(f / 2, 'record.encoding'));
      const r = await upload(file, mp3, f => show(0.5 + f / 2, 'record.uploading'));
      if (r.status !== 201) { error.textContent = r.status ? refusal(r.body) : t('common.networkError'); return; }
      let entry = r.body;
      if (title.value.trim()) {
        const named = await api('PATCH', '/api/media/' + entry.path.split('/').map(encodeURIComponent).join('/'), { title: title.value.trim() });
        if (named.status === 200) entry = named.body; else error.textContent = refusal(named.body);
      }
      barText.textContent = '';
      bar.hidden = true;
      result.replaceChildren(el('p', { class: 'rec-saved', dataset: { path: entry.path, durationMs: entry.durationMs } },
        t('record.saved', { title: entry.title || entry.path, file: entry.path, length: length(entry.durationMs) })),
      el('a', { href: '#/library', id: 'rec-to-library', 'data-i18n': 'record.toLibrary' }));
      translate(result);
    } catch (failure) {
      error.textContent = t('record.encodeFailed');
    } finally {
      save.disabled = false;
    }
  });
  return { box: form };
}

// XMLHttpRequest, not fetch, because only it reports upload progress.
function upload(file, blob, progress) {
  return new Promise(answered => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/media?name=' + encodeURIComponent(file));
    Object.entries(authHeaders('POST')).forEach(([header, value]) => xhr.setRequestHeader(header, value));
    xhr.setRequestHeader('Content-Type', 'audio/mpeg');
    xhr.upload.onprogress = e => { if (e.lengthComputable) progress(e.loaded / e.total); };
    xhr.onload = () => {
      let body = {};
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = {}; }
      answered({ status: xhr.status, body });
    };
    xhr.onerror = () => answered({ status: 0, body: {} });
    xhr.send(blob);
  });
}
