import { api, authHeaders, can, duration, el, notify, refusal, t } from '/web/app.js';

// Text to speech (issue 16): type or paste a notice, pick a voice (named after the region it speaks:
// Giọng Bắc, Giọng Trung, Giọng Nam) and a speed, listen to it, then keep it in the library under a name
// and a title, ready for a playlist or an alert. The server writes numbers, dates and abbreviations out
// as a reader would say them before the voice speaks.

const REGION_KEYS = { north: 'tts.voice.north', central: 'tts.voice.central', south: 'tts.voice.south' };

function voiceName(voice) {
  return REGION_KEYS[voice.region] ? t(REGION_KEYS[voice.region]) : voice.label || voice.id;
}

/** The speed factor as Vietnamese write it: "1,2×". */
function speed(value) {
  return `${Number(value).toFixed(1).replace('.', ',')}×`;
}

export default async function tts(view) {
  if (!document.getElementById('tts-css')) {
    document.head.append(el('link', { id: 'tts-css', rel: 'stylesheet', href: '/web/pages/tts.css' }));
  }
  view.append(el('h1', { 'data-i18n': 'tts.title' }));
  if (!can('content')) {
    view.append(el('p', { class: 'card', 'data-i18n': 'tts.contentOnly' }));
    return;
  }
  const offer = await api('GET', '/api/tts/voices');
  if (offer.status !== 200) {
    view.append(el('p', { class: 'card error' }, refusal(offer.body)));
    return;
  }
  const max = offer.body.maxChars;
  const voices = offer.body.engines.flatMap(engine => engine.voices);
  const text = el('textarea', { id: 'tts-text', rows: 9, maxlength: max, required: true, 'aria-describedby': 'tts-count tts-hint' });
  const count = el('p', { id: 'tts-count', class: 'hint', 'aria-live': 'polite' });
  const voice = el('select', { id: 'tts-voice' }, voices.map(v => el('option', { value: v.id }, voiceName(v))));
  const rate = el('input', { id: 'tts-rate', type: 'range', min: offer.body.rate.min, max: offer.body.rate.max, step: 0.1,
    value: offer.body.rate.default });
  const rateShown = el('output', { id: 'tts-rate-value', for: 'tts-rate' }, speed(rate.value));
  const player = el('audio', { id: 'tts-audio', controls: true, hidden: true });
  const working = el('p', { id: 'tts-working', class: 'hint', role: 'status' });
  const previewButton = el('button', { id: 'tts-preview', type: 'button', 'data-i18n': 'tts.preview' });
  const name = el('input', { id: 'tts-name', autocomplete: 'off', 'aria-describedby': 'tts-name-hint' });
  const title = el('input', { id: 'tts-title', autocomplete: 'off', maxlength: 200 });
  const saveButton = el('button', { id: 'tts-save', type: 'submit', class: 'primary', 'data-i18n': 'tts.save' });
  const saved = el('div', { id: 'tts-saved', class: 'tts-saved', role: 'status', hidden: true });

  // Counts as Vietnamese write numbers: 5.000, not 5000.
  const showCount = () => { count.textContent = t('tts.count', { n: text.value.length.toLocaleString('vi-VN'), max: max.toLocaleString('vi-VN') }); };
  text.addEventListener('input', showCount);
  rate.addEventListener('input', () => { rateShown.textContent = speed(rate.value); });
  showCount();

  const request = () => ({ text: text.value, voice: voice.value, rate: Number(rate.value) });
  const busy = (on, key) => {
    previewButton.disabled = on;
    saveButton.disabled = on;
    working.textContent = on ? t(key) : '';
  };

  previewButton.addEventListener('click', async () => {
    if (!text.value.trim()) { notify(t('code.tts_text_empty'), 'error'); text.focus(); return; }
    busy(true, 'tts.previewing');
    try {
      const response = await fetch('/api/tts/preview', { method: 'POST',
        headers: { ...authHeaders('POST'), 'Content-Type': 'application/json' }, body: JSON.stringify(request()) });
      if (!response.ok) {
        notify(refusal(await response.json().catch(() => null)), 'error');
        return;
      }
      if (player.src) URL.revokeObjectURL(player.src);
      player.src = URL.createObjectURL(await response.blob());
      player.hidden = false;
      player.play().catch(() => {}); // a browser may refuse to start sound by itself; the controls are there
    } catch (e) {
      notify(t('common.networkError'), 'error');
    } finally {
      busy(false);
    }
  });

  const form = el('form', { id: 'tts-form', class: 'card tts-form', onsubmit: async e => {
    e.preventDefault();
    if (!text.value.trim()) { notify(t('code.tts_text_empty'), 'error'); text.focus(); return; }
    busy(true, 'tts.saving');
    saved.hidden = true;
    const r = await api('POST', '/api/tts', { ...request(), name: name.value.trim() || null, title: title.value.trim() || null });
    busy(false);
    if (r.status !== 201) {
      notify(refusal(r.body), 'error');
      return;
    }
    saved.replaceChildren(
      el('p', {}, t('tts.saved', { title: r.body.title, length: duration(r.body.durationMs), file: r.body.path })),
      el('p', { class: 'tts-next' },
        el('a', { id: 'tts-to-library', href: '#/library' }, t('tts.usePlaylist')),
        el('a', { id: 'tts-to-alert', href: '#/emergency' }, t('tts.useAlert'))));
    saved.hidden = false;
    name.value = '';
  } },
  el('label', { for: 'tts-text', 'data-i18n': 'tts.text' }), text,
  el('p', { id: 'tts-hint', class: 'hint', 'data-i18n': 'tts.hint' }), count,
  el('div', { class: 'tts-choices' },
    el('label', { for: 'tts-voice', 'data-i18n': 'tts.voice' }), voice,
    el('label', { for: 'tts-rate' }, t('tts.rate'), ' ', rateShown), rate),
  el('div', { class: 'tts-listen' }, previewButton, player),
  working,
  el('fieldset', { class: 'tts-keep' },
    el('legend', { 'data-i18n': 'tts.keep' }),
    el('label', { for: 'tts-title', 'data-i18n': 'tts.titleField' }), title,
    el('label', { for: 'tts-name', 'data-i18n': 'tts.name' }), name,
    el('p', { id: 'tts-name-hint', class: 'hint tts-wide', 'data-i18n': 'tts.nameHint' }),
    el('div', { class: 'tts-wide' }, saveButton)),
  saved);
  view.append(form);
}
