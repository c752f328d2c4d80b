// The station format made in the browser: MP3, MPEG-1 Layer III, 44.1 kHz, mono, 64 kbit/s constant bit
// rate, encoded by lamejs (served from the jar under /web/vendor/) in a worker. The record page uses it for a take;
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

/**
 * The station's MP3 from mono PCM, made in a worker (record-mp3-worker.js); {@code progress} hears the
 * share done, 0 to 1. The samples are copied, so the page keeps the take for another try.
 */
export function encodeMp3(samples, progress) {
  return new Promise((done, failed) => {
    const worker = new Worker('/web/pages/record-mp3-worker.js');
    worker.onmessage = ({ data }) => {
      if (data.mp3) { worker.terminate(); done(data.mp3); } else progress(data.progress);
    };
    worker.onerror = e => { worker.terminate(); failed(e); };
    const copy = samples.slice();
    worker.postMessage({ samples: copy, rate: RATE, kbps: KBPS }, [copy.buffer]);
  });
}
