package vn.loa.server.media;

/**
 * The stable code of a file's rejection, for the console to say it in the reader's language. The library
 * keeps a rejection as its sentence (it is stored with the file's entry), so the code is read from the
 * sentence's opening words, which {@link Mp3Parser}, {@link TagSkipper} and {@link MainDataAudit} write.
 */
public final class Mp3Refusals {
    private Mp3Refusals() {
    }

    /** {@code mp3_truncated}, {@code mp3_corrupt}, … or {@code mp3_invalid} for a reason not listed here. */
    public static String code(String reason) {
        String r = reason == null ? "" : reason;
        if (r.startsWith("empty file")) {
            return "mp3_empty";
        }
        if (r.startsWith("truncated")) {
            return "mp3_truncated";
        }
        if (r.startsWith("not MP3")) {
            return "not_mp3";
        }
        if (r.startsWith("no audio") || r.startsWith("not audio")) {
            return "mp3_no_audio";
        }
        if (r.startsWith("corrupt")) {
            return "mp3_corrupt";
        }
        if (r.startsWith("too short")) {
            return "mp3_too_short";
        }
        if (r.startsWith("sample rate changes") || r.startsWith("free-format") || r.contains(" Layer I")) {
            return "mp3_unsupported";
        }
        return "mp3_invalid";
    }
}
