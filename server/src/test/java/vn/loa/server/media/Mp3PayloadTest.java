package vn.loa.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.TestServer;

/** Valid-looking frame headers are not enough: what follows them must be something a decoder can play. */
class Mp3PayloadTest {
    /** MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, joint stereo, no CRC, no padding: 417-byte frames. */
    private static final int HEADER = 0xFFFB9064;
    private static final int FRAME_BYTES = 417;
    private static final Path SAMPLE = Path.of("../playlists/ban-tin-sang.mp3");

    @Test
    void twoThousandFrameHeadersOverRandomBytesAreNotABulletin() {
        byte[] forged = headersOverNoise(2_000, new Random(14));
        MediaRejected e = assertThrows(MediaRejected.class, () -> Mp3Parser.parse(forged));
        assertTrue(e.getMessage().matches(
                "not audio: \\d+ of 2000 frames cannot be decoded \\(first at byte \\d+: .+\\)"), e.getMessage());
    }

    @Test
    void anOperatorUploadingForgedFramesIsRefusedAndNothingJoinsTheLibrary(@TempDir Path dir) throws Exception {
        try (TestServer server = new TestServer(dir)) {
            var operator = server.as(server.user("can-bo-xa", "operator", "commune-a"));
            TestServer.Reply reply = operator.post("/api/media?name=ban-tin-gia.mp3", "audio/mpeg",
                    headersOverNoise(2_000, new Random(7)));
            assertEquals(400, reply.status(), reply.toString());
            assertTrue(reply.body().get("error").asText().contains("not audio: "), reply.toString());
            assertTrue(Files.notExists(dir.resolve("media").resolve("ban-tin-gia.mp3")));
        }
    }

    @Test
    void aBulletinWithAFewDamagedFramesStillAirsAndSaysSo() throws Exception {
        byte[] d = Files.readAllBytes(SAMPLE);
        Mp3Audio clean = Mp3Parser.parse(d);
        int audioStart = firstAudioFrame(d, clean);
        Random random = new Random(3);
        for (int frame : new int[] {40, 200, 390}) {
            // The side information right after the 4-byte header: the part a decoder reads first.
            for (int i = 4; i < 13; i++) {
                d[audioStart + clean.frameStart(frame) + i] = (byte) random.nextInt(256);
            }
        }
        Mp3Audio damaged = Mp3Parser.parse(d);
        assertEquals(clean.frameCount(), damaged.frameCount());
        assertTrue(damaged.warnings().stream().anyMatch(w -> w.contains("damaged frame(s) will play as silence")),
                damaged.warnings().toString());
    }

    @Test
    void aRecordingCutFromAStreamStillAirsThoughItsFirstFramePointsBeforeTheCut() throws Exception {
        byte[] d = Files.readAllBytes(SAMPLE);
        Mp3Audio clean = Mp3Parser.parse(d);
        int base = firstAudioFrame(d, clean);
        int cutAt = -1;
        for (int frame = 10; frame < clean.frameCount() && cutAt < 0; frame++) {
            int at = base + clean.frameStart(frame);
            if (Layer3SideInfo.read(d, at, MpegHeader.parse(Mp3Parser.header(d, at))).mainDataBegin() > 0) {
                cutAt = at;
            }
        }
        assertTrue(cutAt > 0, "the sample uses the bit reservoir somewhere");
        Mp3Audio cut = Mp3Parser.parse(Arrays.copyOfRange(d, cutAt, d.length));
        assertTrue(cut.warnings().stream().anyMatch(w -> w.startsWith("1 damaged frame(s)")
                && w.contains("before the audio starts")), cut.warnings().toString());
    }

    @Test
    void aBulletinWhoseSecondHalfIsNoiseBehindItsHeadersIsRefused() throws Exception {
        byte[] d = Files.readAllBytes(SAMPLE);
        Mp3Audio clean = Mp3Parser.parse(d);
        int audioStart = firstAudioFrame(d, clean);
        Random random = new Random(5);
        for (int frame = clean.frameCount() / 2; frame < clean.frameCount(); frame++) {
            int from = audioStart + clean.frameStart(frame) + 4;
            int to = audioStart + clean.frameStart(frame + 1);
            for (int i = from; i < to; i++) {
                d[i] = (byte) random.nextInt(256);
            }
        }
        MediaRejected e = assertThrows(MediaRejected.class, () -> Mp3Parser.parse(d));
        assertTrue(e.getMessage().startsWith("not audio: "), e.getMessage());
    }

    /** Where the first frame receivers are sent lies in the file: after the tags and any VBR header frame. */
    private static int firstAudioFrame(byte[] file, Mp3Audio audio) {
        byte[] opening = Arrays.copyOf(audio.audio(), 64);
        for (int at = 0; at + opening.length <= file.length; at++) {
            if (Arrays.equals(file, at, at + opening.length, opening, 0, opening.length)) {
                return at;
            }
        }
        throw new AssertionError("the audio frames are not in the file");
    }

    static byte[] headersOverNoise(int frames, Random random) {
        byte[] d = new byte[frames * FRAME_BYTES];
        random.nextBytes(d);
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < 4; i++) {
                d[f * FRAME_BYTES + i] = (byte) (HEADER >>> (24 - 8 * i));
            }
        }
        return d;
    }
}
