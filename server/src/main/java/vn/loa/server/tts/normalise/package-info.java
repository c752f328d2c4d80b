/**
 * Vietnamese text as a speech engine should read it: numbers, dates, times, ranges, units, abbreviations,
 * phone numbers and the water levels of disaster bulletins written out as words, with the regional
 * readings (linh/lẻ, nghìn/ngàn, lăm/nhăm). Pure Java, no engine involved, so it is tested on its own.
 */
package vn.loa.server.tts.normalise;
