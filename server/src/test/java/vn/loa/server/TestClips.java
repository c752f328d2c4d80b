package vn.loa.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import vn.loa.server.media.MediaRejected;
import vn.loa.server.media.Mp3Audio;
import vn.loa.server.media.Mp3Parser;

/**
 * Short clips for playout tests, cut frame by frame from the sample library, so they are real MP3
 * frames at 22.05 kHz (26.1 ms each): bulletin 3 s, long 6 s, alert 1.5 s, tone 0.5 s; and loud, 7.5 s
 * of 320 kbit/s at 44.1 kHz, enough data to overflow a slow receiver's buffers quickly.
 */
public final class TestClips {
    public static final int BULLETIN_FRAMES = 115;
    public static final int LONG_FRAMES = 230;
    public static final int ALERT_FRAMES = 57;
    public static final int TONE_FRAMES = 19;
    public static final int LOUD_FRAMES = 8 * 36;

    private TestClips() {
    }

    public static Path write(Path dir) {
        try {
            Files.createDirectories(dir);
            Mp3Audio speech = parse("../playlists/ban-tin-sang.mp3");
            Mp3Audio warning = parse("../playlists/canh-bao-lu.mp3");
            Mp3Audio tone = parse("../playlists/chuong-bao.mp3");
            Files.write(dir.resolve("bulletin.mp3"), frames(speech, 0, BULLETIN_FRAMES));
            Files.write(dir.resolve("long.mp3"), frames(speech, 100, 100 + LONG_FRAMES));
            Files.write(dir.resolve("alert.mp3"), frames(warning, 60, 60 + ALERT_FRAMES));
            Files.write(dir.resolve("tone.mp3"), frames(tone, 0, TONE_FRAMES));
            Files.copy(Path.of("../../shared/corpus/mp3/silence-44-s.mp3"), dir.resolve("other-rate.mp3"),
                    StandardCopyOption.REPLACE_EXISTING);
            Mp3Audio loud = parse("../../shared/corpus/mp3/bad-TYER-frame.mp3");
            byte[] once = frames(loud, 0, 36);
            byte[] eight = new byte[once.length * 8];
            for (int i = 0; i < 8; i++) {
                System.arraycopy(once, 0, eight, i * once.length, once.length);
            }
            Files.write(dir.resolve("loud.mp3"), eight);
            Files.write(dir.resolve("broken.mp3"), new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 100, 1, 2, 3});
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exact bytes receivers should play for a clip (what the recorder must capture). */
    public static byte[] audioOf(Path file) {
        try {
            return Mp3Parser.parse(Files.readAllBytes(file)).audio();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MediaRejected e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mp3Audio parse(String path) throws IOException {
        try {
            return Mp3Parser.parse(Files.readAllBytes(Path.of(path)));
        } catch (MediaRejected e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] frames(Mp3Audio audio, int from, int to) {
        return Arrays.copyOfRange(audio.audio(), audio.frameStart(from), audio.frameStart(to));
    }
}
