package vn.loa.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import vn.loa.server.media.MediaRejected;
import vn.loa.server.media.Mp3Audio;
import vn.loa.server.media.Mp3Parser;

/**
 * Short clips for playout tests, cut frame by frame from the sample library, so they are real MP3
 * frames at 22.05 kHz (26.1 ms each): bulletin 3 s, long 6 s, alert 1.5 s, tone 0.5 s; loud, 7.4 s of
 * 320 kbit/s at 44.1 kHz (test resource made with LAME), enough data to overflow a slow receiver's
 * buffers quickly; and other-rate, a 44.1 kHz file that cannot share a session with the others.
 */
public final class TestClips {
    public static final int BULLETIN_FRAMES = 115;
    public static final int LONG_FRAMES = 230;
    public static final int ALERT_FRAMES = 57;
    public static final int TONE_FRAMES = 19;
    public static final int LOUD_FRAMES = 6 * 47;

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
            Files.write(dir.resolve("other-rate.mp3"), resource("mono-64k-44k.mp3"));
            Mp3Audio loud = Mp3Parser.parse(resource("stereo-320k-44k.mp3"));
            byte[] once = frames(loud, 0, loud.frameCount());
            byte[] six = new byte[once.length * 6];
            for (int i = 0; i < 6; i++) {
                System.arraycopy(once, 0, six, i * once.length, once.length);
            }
            Files.write(dir.resolve("loud.mp3"), six);
            Files.write(dir.resolve("broken.mp3"), new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 100, 1, 2, 3});
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MediaRejected e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] resource(String name) throws IOException {
        try (var in = TestClips.class.getResourceAsStream("/media/" + name)) {
            return in.readAllBytes();
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
