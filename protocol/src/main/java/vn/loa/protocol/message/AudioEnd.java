package vn.loa.protocol.message;

import vn.loa.protocol.AudioEndReason;
import vn.loa.protocol.MessageType;
import vn.loa.protocol.codec.PayloadReader;
import vn.loa.protocol.codec.PayloadWriter;

/** The session ends on this receiver. */
public record AudioEnd(long sessionId, AudioEndReason reason, long lastSequence) implements Message {

    public AudioEnd {
        if (reason == null) {
            throw new IllegalArgumentException("reason is missing");
        }
        Limits.requireRange(lastSequence, 0, 0xFFFF_FFFFL, "lastSequence");
    }

    public static AudioEnd read(PayloadReader in) {
        long session = in.i64("sessionId");
        int reason = in.u8("reason");
        if (reason < 1 || reason > 4) {
            throw in.malformed("reason " + reason + " is not 1..4");
        }
        return new AudioEnd(session, AudioEndReason.fromCode(reason), in.u32("lastSequence"));
    }

    @Override
    public void write(PayloadWriter out) {
        out.i64(sessionId).u8(reason.code()).u32(lastSequence);
    }

    @Override
    public MessageType type() {
        return MessageType.AUDIO_END;
    }
}
