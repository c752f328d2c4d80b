// Encodes mono PCM to the station MP3 away from the page's thread: a long take keeps the page answering,
// and the work is not slowed down when the tab is in the background (browsers throttle a hidden page's
// timers, not its workers). A classic worker, so browsers without module workers run it too.
importScripts('/web/vendor/lame.min.js');

/** About a second of audio at a time, whole MP3 frames (1152 samples), with progress after each. */
const STEP = 1152 * 38;

function pcm16(samples) {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = Math.max(-32768, Math.min(32767, Math.round(samples[i] * 32767)));
  return out;
}

onmessage = ({ data: { samples, rate, kbps } }) => {
  const encoder = new lamejs.Mp3Encoder(1, rate, kbps);
  const parts = [];
  for (let at = 0; at < samples.length; at += STEP) {
    const frames = encoder.encodeBuffer(pcm16(samples.subarray(at, at + STEP)));
    if (frames.length) parts.push(frames);
    postMessage({ progress: Math.min(1, (at + STEP) / samples.length) });
  }
  parts.push(encoder.flush());
  postMessage({ mp3: new Blob(parts, { type: 'audio/mpeg' }) });
};
