package vn.loa.protocol.message;

import vn.loa.protocol.MessageType;
import vn.loa.protocol.codec.PayloadReader;
import vn.loa.protocol.codec.PayloadWriter;

/** t0 of an NTP-style offset measurement, on the receiver's clock. */
public record TimeSyncRequest(long clientSendMicros) implements Message {

    public static TimeSyncRequest read(PayloadReader in) {
        return new TimeSyncRequest(in.i64("clientSendMicros"));
    }

    @Override
    public void write(PayloadWriter out) {
        out.i64(clientSendMicros);
    }

    @Override
    public MessageType type() {
        return MessageType.TIME_SYNC_REQUEST;
    }
}
