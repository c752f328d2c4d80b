package vn.loa.server.media;

import java.util.ArrayList;
import java.util.List;

/**
 * The side information of one Layer III frame: where its main data begins in the bit reservoir and, per
 * granule and channel, how many bits of main data it spends and how they are coded. A decoder reads
 * nothing else before the Huffman data, so a payload that cannot be audio shows here first.
 */
record Layer3SideInfo(int mainDataBegin, int[] scfsi, List<Granule> granules) {

    /** One granule of one channel (ISO 11172-3, 2.4.1.7). */
    record Granule(int part23Length, int bigValues, int globalGain, int scalefacCompress, boolean windowSwitching,
                   int blockType, boolean mixedBlock, int[] tableSelect, int granule) {
    }

    /** Half the 576 spectral lines of a granule: big_values counts pairs of them. */
    private static final int MAX_BIG_VALUES = 288;
    /** Huffman tables 4 and 14 do not exist in the standard; a table_select naming them is noise. */
    private static final int MISSING_TABLE_A = 4;
    private static final int MISSING_TABLE_B = 14;
    private static final int[] SLEN1 = {0, 0, 0, 0, 3, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4};
    private static final int[] SLEN2 = {0, 1, 2, 3, 0, 1, 2, 3, 1, 2, 3, 1, 2, 3, 2, 3};

    static Layer3SideInfo read(byte[] d, int frame, MpegHeader h) {
        BitReader in = new BitReader(d, frame + 4 + (h.crc() ? 2 : 0));
        boolean mpeg1 = h.version() == MpegHeader.MPEG1;
        int channels = h.channels();
        int mainDataBegin = in.bits(mpeg1 ? 9 : 8);
        in.bits(mpeg1 ? (channels == 1 ? 5 : 3) : (channels == 1 ? 1 : 2));
        int[] scfsi = new int[channels];
        if (mpeg1) {
            for (int ch = 0; ch < channels; ch++) {
                scfsi[ch] = in.bits(4);
            }
        }
        List<Granule> granules = new ArrayList<>(4);
        for (int gr = 0; gr < (mpeg1 ? 2 : 1); gr++) {
            for (int ch = 0; ch < channels; ch++) {
                granules.add(readGranule(in, mpeg1, gr));
            }
        }
        return new Layer3SideInfo(mainDataBegin, scfsi, granules);
    }

    private static Granule readGranule(BitReader in, boolean mpeg1, int gr) {
        int part23 = in.bits(12);
        int bigValues = in.bits(9);
        int globalGain = in.bits(8);
        int scalefacCompress = in.bits(mpeg1 ? 4 : 9);
        boolean windowSwitching = in.bits(1) == 1;
        int blockType = 0;
        boolean mixed = false;
        int[] tables;
        if (windowSwitching) {
            blockType = in.bits(2);
            mixed = in.bits(1) == 1;
            tables = new int[] {in.bits(5), in.bits(5)};
            in.bits(9);
        } else {
            tables = new int[] {in.bits(5), in.bits(5), in.bits(5)};
            in.bits(7);
        }
        in.bits(mpeg1 ? 3 : 2);
        return new Granule(part23, bigValues, globalGain, scalefacCompress, windowSwitching, blockType, mixed, tables,
                gr);
    }

    /** Main data bits the frame spends, all granules and channels. */
    int mainDataBits() {
        int bits = 0;
        for (Granule g : granules) {
            bits += g.part23Length();
        }
        return bits;
    }

    /** Why no decoder could take this side information for audio, or null when it could. */
    String problem(boolean mpeg1) {
        for (int i = 0; i < granules.size(); i++) {
            Granule g = granules.get(i);
            if (g.bigValues() > MAX_BIG_VALUES) {
                return "big_values " + g.bigValues() + " exceeds " + MAX_BIG_VALUES;
            }
            if (g.windowSwitching() && g.blockType() == 0) {
                return "window switching with block type 0";
            }
            for (int table : g.tableSelect()) {
                if (table == MISSING_TABLE_A || table == MISSING_TABLE_B) {
                    return "Huffman table " + table + ", which does not exist";
                }
            }
            int part2 = mpeg1 ? scalefactorBits(g, scfsi[i % scfsi.length]) : 0;
            if (g.part23Length() < part2) {
                return "part2_3_length " + g.part23Length() + " is shorter than its " + part2
                        + " bits of scale factors";
            }
        }
        return null;
    }

    /** MPEG-1 scale factor bits of a granule (ISO 11172-3, 2.4.2.7), less the bands it reuses from granule 0. */
    private static int scalefactorBits(Granule g, int scfsi) {
        int slen1 = SLEN1[g.scalefacCompress()];
        int slen2 = SLEN2[g.scalefacCompress()];
        if (g.windowSwitching() && g.blockType() == 2) {
            return g.mixedBlock() ? 17 * slen1 + 18 * slen2 : 18 * slen1 + 18 * slen2;
        }
        int bits = 11 * slen1 + 10 * slen2;
        if (g.granule() == 1) {
            bits -= ((scfsi & 8) != 0 ? 6 * slen1 : 0) + ((scfsi & 4) != 0 ? 5 * slen1 : 0)
                    + ((scfsi & 2) != 0 ? 5 * slen2 : 0) + ((scfsi & 1) != 0 ? 5 * slen2 : 0);
        }
        return bits;
    }

    /** Most significant bit first, as MPEG writes them. */
    private static final class BitReader {
        private final byte[] d;
        private int bit;

        BitReader(byte[] d, int byteOffset) {
            this.d = d;
            this.bit = byteOffset * 8;
        }

        /** Up to 24 bits at a time, from a window of the next four bytes. */
        int bits(int n) {
            int at = bit >>> 3;
            int window = byteAt(at) << 24 | byteAt(at + 1) << 16 | byteAt(at + 2) << 8 | byteAt(at + 3);
            int value = (window << (bit & 7)) >>> (32 - n);
            bit += n;
            return value;
        }

        private int byteAt(int at) {
            return at < d.length ? d[at] & 0xFF : 0;
        }
    }
}
