package vn.loa.server.media;

/**
 * One MPEG audio frame header (4 bytes). Only what a Layer III stream needs; layers I and II are
 * recognised so the rejection can say what the file really is.
 */
record MpegHeader(int version, int layer, int bitrateKbps, int sampleRate, boolean padding, int channelMode,
                  boolean crc) {

    static final int MPEG1 = 3;
    static final int MPEG2 = 2;
    static final int MPEG25 = 0;
    private static final int[] L3_MPEG1_KBPS = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, -1};
    private static final int[] L3_MPEG2_KBPS = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, -1};
    private static final int[][] SAMPLE_RATES = {{11025, 12000, 8000}, null, {22050, 24000, 16000}, {44100, 48000, 32000}};

    /** Whether the 4 bytes start with the 11-bit frame sync and have no reserved version, layer or rate. */
    static boolean plausible(int h) {
        return (h & 0xFFE00000) == 0xFFE00000 && ((h >>> 19) & 3) != 1 && ((h >>> 17) & 3) != 0
                && ((h >>> 10) & 3) != 3 && ((h >>> 12) & 0xF) != 0xF;
    }

    /** Parses a plausible header; the caller checks {@link #plausible(int)} first. */
    static MpegHeader parse(int h) {
        int version = (h >>> 19) & 3;
        int layer = 4 - ((h >>> 17) & 3);
        int bitrateIndex = (h >>> 12) & 0xF;
        int kbps = layer == 3 ? (version == MPEG1 ? L3_MPEG1_KBPS : L3_MPEG2_KBPS)[bitrateIndex] : -1;
        return new MpegHeader(version, layer, kbps, SAMPLE_RATES[version][(h >>> 10) & 3], ((h >>> 9) & 1) == 1,
                (h >>> 6) & 3, ((h >>> 16) & 1) == 0);
    }

    boolean freeFormat() {
        return bitrateKbps == 0;
    }

    int samplesPerFrame() {
        return version == MPEG1 ? 1152 : 576;
    }

    int channels() {
        return channelMode == 3 ? 1 : 2;
    }

    /** Frame length in bytes, header included (Layer III). */
    int frameLength() {
        int coefficient = version == MPEG1 ? 144 : 72;
        return coefficient * bitrateKbps * 1000 / sampleRate + (padding ? 1 : 0);
    }

    /** Offset of a Xing/Info tag inside the frame: after the header, the CRC and the side information. */
    int xingOffset() {
        int side = version == MPEG1 ? (channels() == 1 ? 17 : 32) : (channels() == 1 ? 9 : 17);
        return 4 + (crc ? 2 : 0) + side;
    }

    String versionName() {
        return switch (version) {
            case MPEG1 -> "MPEG-1";
            case MPEG2 -> "MPEG-2";
            default -> "MPEG-2.5";
        };
    }
}
