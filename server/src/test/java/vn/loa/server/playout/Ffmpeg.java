package vn.loa.server.playout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Decodes a recording with the real ffmpeg (installed by ./test) and insists on silence from it. */
final class Ffmpeg {
    private Ffmpeg() {
    }

    static void assertDecodesCleanly(Path mp3) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-i", mp3.toString(), "-f", "null", "-")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("ffmpeg did not finish decoding " + mp3);
        }
        assertEquals(0, p.exitValue(), "ffmpeg failed on " + mp3 + ": " + output);
        assertEquals("", output.strip(), "ffmpeg reported problems decoding " + mp3);
    }
}
