package vn.loa.server.tts;

import vn.loa.server.text.TextRules;

/**
 * What a speech request must be before any work starts: some text, not longer than the limit, free of
 * control characters (the text rules of every message), a rate within 0.5–2.0, a voice the engine has.
 * Answers the voice to use (the engine's first when none is named).
 */
final class SpeechRules {
    private SpeechRules() {
    }

    static String check(String text, String voice, Double rate, TtsEngine engine, int maxChars) {
        if (text == null || text.isBlank()) {
            throw new SpeechRefused("tts_text_empty", "there is no text to speak");
        }
        if (text.length() > maxChars) {
            throw new SpeechRefused("tts_text_too_long", "the text has " + text.length() + " characters; at most "
                    + maxChars + " are spoken at once").with("max", maxChars).with("length", text.length());
        }
        TextRules.text("text", text, maxChars);
        if (rate != null && (rate.isNaN() || rate < TtsEngine.MIN_RATE || rate > TtsEngine.MAX_RATE)) {
            throw new SpeechRefused("tts_rate_out_of_range", "rate is a factor of the normal speed, "
                    + TtsEngine.MIN_RATE + " to " + TtsEngine.MAX_RATE).with("min", TtsEngine.MIN_RATE)
                    .with("max", TtsEngine.MAX_RATE);
        }
        String chosen = voice == null || voice.isBlank() ? engine.voices().get(0).id() : voice;
        if (engine.voices().stream().noneMatch(v -> v.id().equals(chosen))) {
            throw new SpeechRefused("tts_unknown_voice", "no voice '" + chosen + "' in the " + engine.name() + " engine")
                    .with("voice", chosen);
        }
        return chosen;
    }
}
