/**
 * Any recording a phone makes becomes a station MP3 at one loudness: ffmpeg converts and measures on a
 * bounded pool (never on a network thread), MP3s already in the station format get a lossless gain, and
 * what came in is kept beside, hidden from the library.
 */
package vn.loa.server.media.convert;
