package vn.loa.server.text;

import java.util.Optional;

/**
 * What free text may contain. A title is read on a console, in the audit and in the as-run log, and
 * written into M3U files: a line break there forges a line, a NUL cuts it, a bidi override makes it read
 * differently from what it says ("Trial" shown for "lairT"), and an invisible format character (a
 * zero-width space, a soft hyphen, a byte-order mark) makes two titles that look the same differ. So
 * titles, labels and names are one line without control characters or any Unicode format character
 * (category Cf, which holds the bidi controls); a message may also break lines. Vietnamese needs none of
 * them, not even the zero-width joiners, which only matter to scripts that join letters.
 */
public final class TextRules {
    private TextRules() {
    }

    /** Text that breaks these rules; an HTTP 400 with code {@code invalid_text}. */
    public static final class Rejected extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Rejected(String message) {
            super(message);
        }
    }

    /** The value, checked as one line of at most {@code max} characters; null stays null. */
    public static String line(String field, String value, int max) {
        problem(field, value, max, false).ifPresent(p -> {
            throw new Rejected(p);
        });
        return value;
    }

    /** The value, checked as text of at most {@code max} characters that may break lines; null stays null. */
    public static String text(String field, String value, int max) {
        problem(field, value, max, true).ifPresent(p -> {
            throw new Rejected(p);
        });
        return value;
    }

    /** What is wrong with the value, for callers that collect problems rather than stop at the first. */
    public static Optional<String> problem(String field, String value, int max, boolean lineBreaks) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > max) {
            return Optional.of(field + " must be at most " + max + " characters, not " + value.length());
        }
        for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
            int c = value.codePointAt(i);
            if (lineBreaks && (c == '\n' || c == '\t')) {
                continue;
            }
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return Optional.of(field + " must not contain control characters or line breaks (U+%04X at %d)"
                        .formatted(c, i));
            }
            if (bidiControl(c)) {
                return Optional.of(field + " must not contain bidirectional control characters (U+%04X at %d)"
                        .formatted(c, i));
            }
            if (Character.getType(c) == Character.FORMAT) {
                return Optional.of(field + " must not contain invisible format characters (U+%04X at %d)"
                        .formatted(c, i));
            }
        }
        return Optional.empty();
    }

    /** Embeddings, overrides and isolates, and the marks: invisible, and they reorder what is shown. */
    private static boolean bidiControl(int c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
    }
}
