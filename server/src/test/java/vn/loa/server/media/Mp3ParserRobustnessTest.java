package vn.loa.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.loa.server.TestClips;

/** Corrupted, cut and spliced MP3s: the parser answers with audio or a rejection, never anything else. */
class Mp3ParserRobustnessTest {
    private static final Path SAMPLE = Path.of("../playlists/ban-tin-sang.mp3");

    @Test
    void randomDamageNeverEscapesAsAnythingButARejection() throws Exception {
        byte[] original = Files.readAllBytes(SAMPLE);
        Random random = new Random(2026);
        int accepted = 0;
        for (int round = 0; round < 3_000; round++) {
            byte[] d = damage(original, random);
            try {
                Mp3Audio audio = Mp3Parser.parse(d);
                accepted++;
                assertTrue(audio.frameCount() > 0 && audio.audio().length == audio.frameStarts()[audio.frameCount()]);
            } catch (MediaRejected expected) {
                assertTrue(!expected.getMessage().isBlank());
            }
        }
        assertTrue(accepted > 0, "mild damage (a flipped bit in audio data) should still be playable");
    }

    @Test
    void sampleRateChangeInsideAFileIsRejected() throws Exception {
        byte[] a = Files.readAllBytes(SAMPLE);
        byte[] b = TestClips.resource("mono-64k-44k.mp3");
        byte[] spliced = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, spliced, a.length, b.length);
        MediaRejected e = assertThrows(MediaRejected.class, () -> Mp3Parser.parse(spliced));
        assertTrue(e.getMessage().startsWith("sample rate changes from 22050 Hz to 44100 Hz"), e.getMessage());
    }

    @Test
    void freeFormatIsRejected() throws Exception {
        byte[] d = Files.readAllBytes(SAMPLE);
        int first = firstFrame(d);
        d[first + 2] = (byte) (d[first + 2] & 0x0F);
        MediaRejected e = assertThrows(MediaRejected.class, () -> Mp3Parser.parse(d));
        assertTrue(e.getMessage().contains("free-format"), e.getMessage());
    }

    @Test
    void layerTwoIsNamedAsSuch() throws Exception {
        byte[] d = Files.readAllBytes(SAMPLE);
        int first = firstFrame(d);
        d[first + 1] = (byte) ((d[first + 1] & ~0x06) | 0x04);
        MediaRejected e = assertThrows(MediaRejected.class, () -> Mp3Parser.parse(Arrays.copyOfRange(d, first, d.length)));
        assertTrue(e.getMessage().contains("Layer II audio"), e.getMessage());
    }

    @Test
    void aFileCutInsideItsXingFrameIsRefusedNotCrashed() throws Exception {
        // Found by Mp3ParserFuzzTest: the tag was read from a first frame too short to count, and the
        // parser then removed that frame from an empty list (an IndexOutOfBoundsException, a 500 on upload).
        byte[] whole = TestClips.resource("mono-64k-44k.mp3");
        int first = firstFrame(whole);
        byte[] cut = Arrays.copyOf(whole, first + 100);
        MediaRejected e = assertThrows(MediaRejected.class, () -> Mp3Parser.parse(cut));
        assertEquals("no audio: the file holds only a partial frame", e.getMessage());
    }

    @Test
    void mostlyGarbageIsCorrupt() throws Exception {
        byte[] d = Files.readAllBytes(SAMPLE);
        Random r = new Random(1);
        for (int i = d.length / 3; i < d.length; i++) {
            d[i] = (byte) r.nextInt(0x7F);
        }
        MediaRejected e = assertThrows(MediaRejected.class, () -> Mp3Parser.parse(d));
        assertTrue(e.getMessage().startsWith("corrupt:"), e.getMessage());
    }

    @Test
    void cleanFileKeepsEveryFrame() throws Exception {
        Mp3Audio audio = Mp3Parser.parse(Files.readAllBytes(SAMPLE));
        assertEquals(435, audio.frameCount());
        assertEquals(11_363, audio.durationMillis());
        assertTrue(audio.warnings().isEmpty(), audio.warnings().toString());
    }

    /** Where the audio begins, after the ID3v2 tag (whose UTF-16 text may itself hold 0xFF 0xFE). */
    private static int firstFrame(byte[] d) throws MediaRejected {
        return TagSkipper.audioRegion(d)[0];
    }

    private static byte[] damage(byte[] original, Random random) {
        byte[] d = original.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int i = 0; i < 1 + random.nextInt(20); i++) {
                    d[random.nextInt(d.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> d = Arrays.copyOf(d, random.nextInt(d.length));
            case 2 -> {
                int from = random.nextInt(d.length);
                int len = Math.min(d.length - from, random.nextInt(4096));
                byte[] noise = new byte[len];
                random.nextBytes(noise);
                System.arraycopy(noise, 0, d, from, len);
            }
            default -> {
                for (int i = 0; i < 16; i++) {
                    d[random.nextInt(Math.min(d.length, 2048))] = (byte) random.nextInt(256);
                }
            }
        }
        return d;
    }
}
