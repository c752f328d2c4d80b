package vn.loa.protocol;

/** Constants of the frame header (docs/protocol.md, "Frame"). */
public final class FrameFormat {
    /** ASCII "LO". */
    public static final int MAGIC = 0x4C4F;
    public static final int VERSION = 1;
    public static final int HEADER_LENGTH = 14;
    public static final int MAX_PAYLOAD = 65_536;
    public static final long MAX_REQUEST_ID = 0xFFFF_FFFFL;

    private FrameFormat() {
    }
}
