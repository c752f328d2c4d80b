package vn.loa.protocol.message;

import vn.loa.protocol.LinkType;
import vn.loa.protocol.MessageType;
import vn.loa.protocol.codec.PayloadReader;
import vn.loa.protocol.codec.PayloadWriter;

/** The receiver's state, sent at least every heartbeat interval. */
public record Status(int volume, boolean muted, boolean amplifierOn, boolean speakerLineFault,
                     boolean amplifierFault, boolean testTonePlaying, short temperatureDeci,
                     short signalDbm, LinkType link, long uptimeSeconds, long bufferMs, long sessionId)
        implements Message {

    /** Wire value of temperatureDeci / signalDbm when the receiver has no such reading. */
    public static final short NOT_AVAILABLE = Short.MIN_VALUE;

    private static final int MUTED = 0x01;
    private static final int AMPLIFIER_ON = 0x02;
    private static final int SPEAKER_LINE_FAULT = 0x04;
    private static final int AMPLIFIER_FAULT = 0x08;
    private static final int TEST_TONE = 0x10;

    public Status {
        Limits.requireRange(volume, 0, 100, "volume");
        Limits.requireRange(uptimeSeconds, 0, 0xFFFF_FFFFL, "uptimeSeconds");
        Limits.requireRange(bufferMs, 0, 0xFFFF_FFFFL, "bufferMs");
        if (link == null) {
            throw new IllegalArgumentException("link is missing");
        }
    }

    public static Status read(PayloadReader in) {
        int volume = in.u8("volume");
        if (volume > 100) {
            throw in.malformed("volume " + volume + " is above 100");
        }
        int state = in.u8("state");
        return new Status(volume, (state & MUTED) != 0, (state & AMPLIFIER_ON) != 0,
                (state & SPEAKER_LINE_FAULT) != 0, (state & AMPLIFIER_FAULT) != 0, (state & TEST_TONE) != 0,
                in.i16("temperatureDeci"), in.i16("signalDbm"), LinkType.fromCode(in.u8("link")),
                in.u32("uptimeSeconds"), in.u32("bufferMs"), in.i64("sessionId"));
    }

    @Override
    public void write(PayloadWriter out) {
        int state = (muted ? MUTED : 0) | (amplifierOn ? AMPLIFIER_ON : 0)
                | (speakerLineFault ? SPEAKER_LINE_FAULT : 0) | (amplifierFault ? AMPLIFIER_FAULT : 0)
                | (testTonePlaying ? TEST_TONE : 0);
        out.u8(volume).u8(state).i16(temperatureDeci).i16(signalDbm).u8(link.code())
                .u32(uptimeSeconds).u32(bufferMs).i64(sessionId);
    }

    @Override
    public MessageType type() {
        return MessageType.STATUS;
    }
}
