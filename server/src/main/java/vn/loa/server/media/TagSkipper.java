package vn.loa.server.media;

import java.nio.charset.StandardCharsets;

/**
 * Finds where the audio lies between the tags: ID3v2 at the start (possibly several), and at the end
 * any mix of ID3v1, APEv2, Lyrics3v2 and an appended ID3v2 with footer, in whatever order taggers left them.
 */
final class TagSkipper {
    private TagSkipper() {
    }

    /** @return {start, end} of the region that may hold audio frames. */
    static int[] audioRegion(byte[] d) throws MediaRejected {
        int start = 0;
        while (start + 10 <= d.length && d[start] == 'I' && d[start + 1] == 'D' && d[start + 2] == '3') {
            int size = syncsafe(d, start + 6);
            boolean footer = (d[start + 5] & 0x10) != 0;
            int end = start + 10 + size + (footer ? 10 : 0);
            if (size < 0 || end > d.length) {
                throw new MediaRejected("truncated: the ID3v2 tag declares " + (10 + size) + " bytes but the file has "
                        + (d.length - start) + " from there on");
            }
            start = end;
        }
        int end = d.length;
        for (boolean found = true; found && end > start; ) {
            found = false;
            if (end - start >= 128 && ascii(d, end - 128, "TAG")) {
                end -= 128;
                found = true;
            }
            if (end - start >= 32 && ascii(d, end - 32, "APETAGEX")) {
                int size = le32(d, end - 32 + 12);
                boolean hasHeader = (d[end - 32 + 23] & 0x80) != 0;
                end -= Math.min(end - start, size + (hasHeader ? 32 : 0));
                found = true;
            }
            if (end - start >= 15 && ascii(d, end - 9, "LYRICS200")) {
                int size = Integer.parseInt(new String(d, end - 15, 6, StandardCharsets.US_ASCII).trim());
                end -= Math.min(end - start, size + 15);
                found = true;
            }
            if (end - start >= 10 && ascii(d, end - 10, "3DI")) {
                end -= Math.min(end - start, syncsafe(d, end - 10 + 6) + 20);
                found = true;
            }
        }
        return new int[] {start, end};
    }

    private static int syncsafe(byte[] d, int at) {
        int size = 0;
        for (int i = 0; i < 4; i++) {
            if ((d[at + i] & 0x80) != 0) {
                return -1;
            }
            size = (size << 7) | (d[at + i] & 0x7F);
        }
        return size;
    }

    private static int le32(byte[] d, int at) {
        return (d[at] & 0xFF) | (d[at + 1] & 0xFF) << 8 | (d[at + 2] & 0xFF) << 16 | (d[at + 3] & 0xFF) << 24;
    }

    static boolean ascii(byte[] d, int at, String s) {
        if (at < 0 || at + s.length() > d.length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (d[at + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
