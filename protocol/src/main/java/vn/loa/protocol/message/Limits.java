package vn.loa.protocol.message;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Field limits shared by the message records (docs/protocol.md, "Limits"). */
final class Limits {
    static final int STATION_ID_BYTES = 64;
    static final int FIRMWARE_BYTES = 64;
    static final int TITLE_BYTES = 256;
    static final int ERROR_TEXT_BYTES = 1024;
    private static final Pattern STATION_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private Limits() {
    }

    static void requireStationId(String id) {
        if (id == null || !STATION_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("station id must be 1-64 of A-Z a-z 0-9 . _ -, got " + quoted(id));
        }
    }

    static void requireMaxBytes(String value, int max, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > max) {
            throw new IllegalArgumentException(field + " is longer than " + max + " bytes");
        }
    }

    static void requireRange(long value, long min, long max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " " + value + " is outside " + min + ".." + max);
        }
    }

    static String quoted(String s) {
        return s == null ? "null" : '"' + (s.length() > 80 ? s.substring(0, 80) + "…" : s) + '"';
    }
}
