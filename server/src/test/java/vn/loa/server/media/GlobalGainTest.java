package vn.loa.server.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import vn.loa.server.TestClips;

/** The mp3gain technique: every granule's global_gain moves by the same steps, and no other bit changes. */
class GlobalGainTest {

    @Test
    void everyGranuleMovesByTheStepsAndNothingElseChanges() throws Exception {
        for (String clip : new String[] {"mono-64k-44k.mp3", "stereo-320k-44k.mp3"}) {
            byte[] original = TestClips.resource(clip);
            byte[] louder = GlobalGain.apply(original, 3);
            Mp3Audio before = Mp3Parser.parse(original);
            Mp3Audio after = Mp3Parser.parse(louder);
            assertArrayEquals(before.frameStarts(), after.frameStarts(), clip);
            int granules = 0;
            for (int f = 0; f < before.frameCount(); f++) {
                int at = before.frameStart(f);
                MpegHeader h = MpegHeader.parse(Mp3Parser.header(before.audio(), at));
                var gainsBefore = Layer3SideInfo.read(before.audio(), at, h).granules();
                var gainsAfter = Layer3SideInfo.read(after.audio(), at, h).granules();
                for (int g = 0; g < gainsBefore.size(); g++) {
                    int was = gainsBefore.get(g).globalGain();
                    assertEquals(was == 0 ? 0 : Math.min(255, was + 3), gainsAfter.get(g).globalGain(), clip + " frame " + f);
                    assertEquals(gainsBefore.get(g).part23Length(), gainsAfter.get(g).part23Length());
                    assertEquals(gainsBefore.get(g).scalefacCompress(), gainsAfter.get(g).scalefacCompress());
                    granules++;
                }
            }
            assertEquals(before.frameCount() * (before.sampleRate() >= 32_000 ? 2 : 1) * before.channels(), granules);
            assertArrayEquals(original, GlobalGain.apply(louder, -3), clip + ": back again, bit for bit");
        }
    }

    @Test
    void aFileWithoutLayerThreeFramesIsRefused() {
        assertThrows(MediaRejected.class, () -> GlobalGain.apply(new byte[4096], 2));
    }
}
