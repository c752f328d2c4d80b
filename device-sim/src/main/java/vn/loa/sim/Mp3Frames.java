package vn.loa.sim;

import io.netty.buffer.ByteBuf;

/** Just enough MPEG audio header parsing for a receiver to check what it is sent, frame by frame. */
final class Mp3Frames {
    private static final int[] MPEG1_KBPS = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0};
    private static final int[] MPEG2_KBPS = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0};
    private static final int[][] RATES = {{11025, 12000, 8000}, null, {22050, 24000, 16000}, {44100, 48000, 32000}};

    private Mp3Frames() {
    }

    /** Length of the Layer III frame whose header starts at {@code at}, or -1 if it is not one at {@code sampleRate}. */
    static int frameLength(ByteBuf data, int at, long sampleRate) {
        if (at + 4 > data.writerIndex()) {
            return -1;
        }
        int h = data.getInt(at);
        int version = (h >>> 19) & 3;
        int layer = (h >>> 17) & 3;
        int bitrateIndex = (h >>> 12) & 0xF;
        int rateIndex = (h >>> 10) & 3;
        if ((h & 0xFFE00000) != 0xFFE00000 || version == 1 || layer != 1 || rateIndex == 3) {
            return -1;
        }
        int kbps = (version == 3 ? MPEG1_KBPS : MPEG2_KBPS)[bitrateIndex];
        int rate = RATES[version][rateIndex];
        if (kbps == 0 || rate != sampleRate) {
            return -1;
        }
        return (version == 3 ? 144 : 72) * kbps * 1000 / rate + ((h >>> 9) & 1);
    }

    static int samplesPerFrame(ByteBuf data, int at) {
        return ((data.getInt(at) >>> 19) & 3) == 3 ? 1152 : 576;
    }
}
