package vn.loa.server.media;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Whether a file name can be stored as it is written. The JVM turns names into bytes with the charset of
 * the locale it was started in; under a plain POSIX locale (a fresh container with no LANG) that is
 * ASCII, and "bản-tin-mới.mp3" cannot be a file at all. Such a name is refused with the reason and the
 * cure, instead of failing deep inside the file system call.
 */
public final class FileNames {
    private static final Charset NAMES = Charset.forName(System.getProperty("sun.jnu.encoding",
            StandardCharsets.UTF_8.name()));

    private FileNames() {
    }

    /** Null when the name can be stored; otherwise the sentence that says why not. */
    public static String unstorable(String name) {
        if (NAMES.newEncoder().canEncode(name)) {
            return null;
        }
        return "'" + name + "' cannot be a file name on this server: it runs in a " + NAMES.name()
                + " locale; start it with a UTF-8 locale (for example LANG=C.UTF-8)";
    }

    /** Whether names beyond ASCII can be stored, for a warning at start. */
    public static boolean unicodeNames() {
        return NAMES.newEncoder().canEncode("ả");
    }
}
