package vn.loa.server.media;

import java.io.File;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;

/**
 * Title and artist from ID3 via jaudiotagger. Tags are a convenience, never a reason to refuse audio:
 * a broken tag frame leaves the field empty and the file is judged on its frames alone.
 */
final class TagReader {
    record Tags(String title, String artist) {
        static final Tags NONE = new Tags(null, null);
    }

    static {
        // jaudiotagger reports every odd tag frame through java.util.logging; the parser's verdict is what counts.
        Logger.getLogger("org.jaudiotagger").setLevel(Level.OFF);
    }

    private TagReader() {
    }

    static Tags read(File file) {
        try {
            AudioFile audio = AudioFileIO.readAs(file, "mp3");
            Tag tag = audio.getTag();
            if (tag == null) {
                return Tags.NONE;
            }
            return new Tags(blankToNull(tag.getFirst(FieldKey.TITLE)), blankToNull(tag.getFirst(FieldKey.ARTIST)));
        } catch (Exception | LinkageError e) {
            return Tags.NONE;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
