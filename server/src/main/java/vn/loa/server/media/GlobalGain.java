package vn.loa.server.media;

/**
 * Louder or quieter without decoding: the lossless technique of mp3gain. Every Layer III granule carries
 * an 8-bit {@code global_gain} in its side information, the quantiser step of all its spectral values;
 * one step more is 2^(1/4) in amplitude, 1.5 dB. Adding the same number of steps to every granule of
 * every frame changes the loudness and nothing else: the Huffman data, the frame sizes and the bit
 * reservoir stay as they were, so no generation of coding loss is added.
 */
public final class GlobalGain {
    /** Decibels one global_gain step is worth. */
    public static final double DB_PER_STEP = 1.5;

    private GlobalGain() {
    }

    /** Whole steps for a wish in decibels, rounded toward the quieter side so a true-peak limit holds. */
    public static int stepsFor(double gainDb) {
        return (int) Math.floor(gainDb / DB_PER_STEP + 1e-9);
    }

    /**
     * A copy of the file with {@code steps} added to every granule's global_gain (clamped to 0..255,
     * a silent granule at 0 stays silent). Tags are left as they are.
     *
     * @throws MediaRejected a frame with a CRC (the CRC covers the side information and would no longer
     *                       match), or a file without Layer III frames
     */
    public static byte[] apply(byte[] mp3, int steps) throws MediaRejected {
        byte[] out = mp3.clone();
        int[] region = TagSkipper.audioRegion(out);
        int pos = region[0];
        int end = region[1];
        int frames = 0;
        while (pos + 4 <= end) {
            int h = Mp3Parser.header(out, pos);
            if ((out[pos] & 0xFF) != 0xFF || !MpegHeader.plausible(h)) {
                pos++;
                continue;
            }
            MpegHeader header = MpegHeader.parse(h);
            if (header.layer() != 3 || header.freeFormat() || pos + header.frameLength() > end) {
                pos++;
                continue;
            }
            if (header.crc()) {
                throw new MediaRejected("frames carry a CRC over their side information; the gain cannot be "
                        + "changed without re-encoding");
            }
            shift(out, pos, header, steps);
            frames++;
            pos += header.frameLength();
        }
        if (frames == 0) {
            throw new MediaRejected("no Layer III frames to change");
        }
        return out;
    }

    /** Rewrites the global_gain fields of one frame's granules in place. */
    private static void shift(byte[] d, int frame, MpegHeader h, int steps) {
        boolean mpeg1 = h.version() == MpegHeader.MPEG1;
        int channels = h.channels();
        long bit = (frame + 4L) * 8;
        bit += mpeg1 ? 9 : 8; // main_data_begin
        bit += mpeg1 ? (channels == 1 ? 5 : 3) : (channels == 1 ? 1 : 2); // private bits
        if (mpeg1) {
            bit += 4L * channels; // scfsi
        }
        int granuleBits = mpeg1 ? 59 : 63;
        int granules = mpeg1 ? 2 : 1;
        for (int g = 0; g < granules * channels; g++) {
            long at = bit + (long) g * granuleBits + 12 + 9; // after part2_3_length and big_values
            int gain = read8(d, at);
            if (gain != 0) {
                write8(d, at, Math.max(1, Math.min(255, gain + steps)));
            }
        }
    }

    private static int read8(byte[] d, long bit) {
        int value = 0;
        for (int i = 0; i < 8; i++) {
            long b = bit + i;
            value = value << 1 | (d[(int) (b >>> 3)] >>> (7 - (int) (b & 7))) & 1;
        }
        return value;
    }

    private static void write8(byte[] d, long bit, int value) {
        for (int i = 0; i < 8; i++) {
            long b = bit + i;
            int mask = 1 << (7 - (int) (b & 7));
            int index = (int) (b >>> 3);
            d[index] = (byte) (((value >>> (7 - i)) & 1) == 1 ? d[index] | mask : d[index] & ~mask);
        }
    }
}
