import { el } from '/web/app.js';

// The station format made in the browser: MP3, MPEG-1 Layer III, 44.1 kHz, mono, 64 kbit/s constant bit
// rate, encoded by lamejs (served from the jar under /web/vendor/). The record page uses it for a take;
// a live microphone (issue 17) can feed it the same mono PCM.

/** Samples per second of the PCM handed in, and of the MP3 made from it. */
export const RATE = 44100;
const KBPS = 64;

/** 16-bit PCM WAV of mono samples, for listening back to exactly what will be saved. */
export function wav(samples) {
  const bytes = new DataView(new ArrayBuffer(44 + samples.length * 2));
  const text = (at, s) => [...s].forEach((c, i) => bytes.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF'); bytes.setUint32(4, 36 + samples.length * 2, true); text(8, 'WAVE');
  text(12, 'fmt '); bytes.setUint32(16, 16, true); bytes.setUint16(20, 1, true); bytes.setUint16(22, 1, true);
  bytes.setUint32(24, RATE, true); bytes.setUint32(28, RATE * 2, true); bytes.setUint16(32, 2, true); bytes.setUint16(34, 16, true);
  text(36, 'data'); bytes.setUint32(40, samples.length * 2, true);
  pcm16(samples).forEach((v, i) => bytes.setInt16(44 + i * 2, v, true));
  return new Blob([bytes], { type: 'audio/wav' });
}

function pcm16(samples) {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = Math.max(-32768, Math.min(32767, Math.round(samples[i] * 32767)));
  return out;
}

function loadEncoder() {
  if (window.lamejs) return Promise.resolve(window.lamejs);
  return new Promise((loaded, failed) => {
    document.head.append(el('script', { src: '/web/vendor/lame.min.js', onload: () => loaded(window.lamejs), onerror: failed }));
  });
}

/**
 * The station's MP3 from mono PCM. About a second of audio per step, with a pause between steps so the
 * page keeps answering (and shows progress) while a long take is encoded.
 */
export async function encodeMp3(samples, progress) {
  const lame = await loadEncoder();
  const encoder = new lame.Mp3Encoder(1, RATE, KBPS);
  const step = 1152 * 38;
  const parts = [];
  for (let at = 0; at < samples.length; at += step) {
    const frames = encoder.encodeBuffer(pcm16(samples.subarray(at, at + step)));
    if (frames.length) parts.push(frames);
    progress(Math.min(1, (at + step) / samples.length));
    await new Promise(next => setTimeout(next));
  }
  parts.push(encoder.flush());
  return new Blob(parts, { type: 'audio/mpeg' });
}
