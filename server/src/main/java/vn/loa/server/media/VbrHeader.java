package vn.loa.server.media;

/** A Xing/Info (LAME) or VBRI (Fraunhofer) header in the first frame: a frame of metadata, not of audio. */
record VbrHeader(String kind, long frames, boolean variable) {

    static VbrHeader find(byte[] d, int frame, MpegHeader h) {
        int xing = frame + h.xingOffset();
        // Some encoders place the tag as if there were no CRC even when the frame declares one.
        if (h.crc() && !isXing(d, xing) && isXing(d, xing - 2)) {
            xing -= 2;
        }
        if (isXing(d, xing)) {
            boolean variable = TagSkipper.ascii(d, xing, "Xing");
            int flags = xing + 8 <= d.length ? Mp3Parser.header(d, xing + 4) : 0;
            long frames = (flags & 1) != 0 && xing + 12 <= d.length ? Mp3Parser.header(d, xing + 8) & 0xFFFF_FFFFL : -1;
            return new VbrHeader(variable ? "Xing" : "Info", frames, variable);
        }
        int vbri = frame + 36;
        if (TagSkipper.ascii(d, vbri, "VBRI") && vbri + 18 <= d.length) {
            return new VbrHeader("VBRI", Mp3Parser.header(d, vbri + 14) & 0xFFFF_FFFFL, true);
        }
        return null;
    }

    private static boolean isXing(byte[] d, int at) {
        return TagSkipper.ascii(d, at, "Xing") || TagSkipper.ascii(d, at, "Info");
    }
}
