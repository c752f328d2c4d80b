package vn.loa.server.media;

import java.util.List;

/**
 * Follows the bit reservoir through the frames a receiver will be sent, as its decoder will: each frame's
 * main data must begin in bytes already received, after the previous frame's main data ends, and end
 * within the frame itself. Valid headers over random bytes break these rules in almost every frame; a
 * real file breaks them only where it is damaged, so a small share of broken frames is tolerated.
 */
final class MainDataAudit {
    /** More undecodable frames than this share means the payload is not audio, only made to look like it. */
    static final double MAX_BROKEN_SHARE = 0.05;
    /** Always forgiven, however short the file: one cut from a stream starts with a frame whose main data is gone. */
    private static final int ALWAYS_TOLERATED = 1;

    private MainDataAudit() {
    }

    /**
     * Adds a warning when a few frames cannot be decoded.
     *
     * @throws MediaRejected when too many frames cannot be decoded, naming the first and why
     */
    static void check(byte[] d, List<Integer> frameStarts, MpegHeader format, List<String> warnings)
            throws MediaRejected {
        boolean mpeg1 = format.version() == MpegHeader.MPEG1;
        long received = 0;
        long previousEnd = 0;
        int broken = 0;
        String first = null;
        for (int frame : frameStarts) {
            MpegHeader h = MpegHeader.parse(Mp3Parser.header(d, frame));
            Layer3SideInfo side = Layer3SideInfo.read(d, frame, h);
            int slot = h.frameLength() - h.xingOffset();
            long begin = received - side.mainDataBegin();
            long end = begin + (side.mainDataBits() + 7) / 8;
            String problem = side.problem(mpeg1);
            if (problem == null && begin < 0) {
                problem = "main data begins " + side.mainDataBegin() + " bytes back, before the audio starts";
            } else if (problem == null && begin < previousEnd) {
                problem = "main data overlaps the previous frame's by " + (previousEnd - begin) + " bytes";
            } else if (problem == null && end > received + slot) {
                problem = "main data of " + (end - begin) + " bytes runs " + (end - received - slot)
                        + " bytes past the frame";
            }
            if (problem != null) {
                broken++;
                if (first == null) {
                    first = "byte " + frame + ": " + problem;
                }
                // A decoder drops a broken frame and carries on; so does the audit, trusting nothing it claimed.
                previousEnd = 0;
            } else {
                previousEnd = end;
            }
            received += slot;
        }
        if (broken > ALWAYS_TOLERATED && broken > MAX_BROKEN_SHARE * frameStarts.size()) {
            throw new MediaRejected("not audio: " + broken + " of " + frameStarts.size()
                    + " frames cannot be decoded (first at " + first + ")");
        }
        if (broken > 0) {
            warnings.add(broken + " damaged frame(s) will play as silence (first at " + first + ")");
        }
    }
}
