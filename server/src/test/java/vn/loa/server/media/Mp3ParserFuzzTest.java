package vn.loa.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes an uploader sends get a verdict: audio whose frames add up, or a {@link MediaRejected} with a
 * reason. Never another exception, and never a hang (an input running 10 s fails, see the fuzz execution in
 * the parent pom). Seeds and every crash input ever found live in
 * {@code Mp3ParserFuzzTestInputs/anyBytesGetAVerdict} and are replayed on every run.
 */
class Mp3ParserFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void anyBytesGetAVerdict(byte[] upload) {
        try {
            Mp3Audio audio = Mp3Parser.parse(upload);
            int frames = audio.frameCount();
            assertTrue(frames > 0, "accepted audio has frames");
            assertEquals(audio.audio().length, audio.frameStart(frames), "frame starts cover the audio exactly");
            for (int i = 0; i < frames; i++) {
                assertTrue(audio.frameStart(i) < audio.frameStart(i + 1), "frames are in order and not empty");
            }
        } catch (MediaRejected rejected) {
            assertFalse(rejected.getMessage() == null || rejected.getMessage().isBlank(), "a rejection says why");
        }
    }
}
