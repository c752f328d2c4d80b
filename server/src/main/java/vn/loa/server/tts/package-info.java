/**
 * Text to speech: engines (espeak-ng, any local command, an HTTP service) behind one sealed interface, run
 * on a bounded pool, long texts cut at sentences and spoken in parallel, the result encoded to the library's
 * MP3 and added to the library like an upload. Alerts with a message and no recording speak through it.
 */
package vn.loa.server.tts;
