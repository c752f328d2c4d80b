package vn.loa.protocol.message;

import vn.loa.protocol.MessageType;
import vn.loa.protocol.codec.PayloadReader;
import vn.loa.protocol.codec.PayloadWriter;

/** Ends the handshake and tells the receiver its heartbeat interval N. */
public record Welcome(long heartbeatIntervalMs, long serverTimeMicros, long connectionId) implements Message {

    public Welcome {
        Limits.requireRange(heartbeatIntervalMs, 1, 0xFFFF_FFFFL, "heartbeatIntervalMs");
        Limits.requireRange(connectionId, 0, 0xFFFF_FFFFL, "connectionId");
    }

    public static Welcome read(PayloadReader in) {
        long interval = in.u32("heartbeatIntervalMs");
        if (interval == 0) {
            throw in.malformed("heartbeatIntervalMs is 0");
        }
        return new Welcome(interval, in.i64("serverTimeMicros"), in.u32("connectionId"));
    }

    @Override
    public void write(PayloadWriter out) {
        out.u32(heartbeatIntervalMs).i64(serverTimeMicros).u32(connectionId);
    }

    @Override
    public MessageType type() {
        return MessageType.WELCOME;
    }
}
