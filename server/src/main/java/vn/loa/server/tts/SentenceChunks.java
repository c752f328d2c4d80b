package vn.loa.server.tts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a long text where a reader pauses anyway, so its pieces can be spoken in parallel and joined
 * without a cut mid-word: at sentence ends first, at commas inside a sentence that is still too long,
 * at a space as a last resort. Sentences are packed into pieces of up to {@code max} characters.
 */
final class SentenceChunks {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…;:])\\s+|\\s*\\n+\\s*");

    private SentenceChunks() {
    }

    static List<String> split(String text, int max) {
        List<String> pieces = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text.strip())) {
            pieces.addAll(fit(sentence.strip(), max));
        }
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String piece : pieces) {
            if (piece.isEmpty()) {
                continue;
            }
            if (current.length() > 0 && current.length() + 1 + piece.length() > max) {
                chunks.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() == 0 ? "" : " ").append(piece);
        }
        if (current.length() > 0) {
            chunks.add(current.toString());
        }
        return chunks;
    }

    /** A sentence longer than max, cut after commas, else at the last space that fits. */
    private static List<String> fit(String sentence, int max) {
        List<String> out = new ArrayList<>();
        String rest = sentence;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf(", ", max);
            cut = cut > 0 ? cut + 1 : rest.lastIndexOf(' ', max);
            cut = cut > 0 ? cut : max;
            out.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        out.add(rest);
        return out;
    }
}
