package vn.loa.protocol.message;

import vn.loa.protocol.MessageType;
import vn.loa.protocol.codec.PayloadReader;
import vn.loa.protocol.codec.PayloadWriter;

/** t0 echoed, t1 and t2 on the server's clock. */
public record TimeSyncResponse(long clientSendMicros, long serverReceiveMicros, long serverSendMicros)
        implements Message {

    public static TimeSyncResponse read(PayloadReader in) {
        return new TimeSyncResponse(in.i64("clientSendMicros"), in.i64("serverReceiveMicros"),
                in.i64("serverSendMicros"));
    }

    /** Offset to add to the receiver's clock to read server time, given t3 when this arrived. */
    public long offsetMicros(long clientReceiveMicros) {
        return ((serverReceiveMicros - clientSendMicros) + (serverSendMicros - clientReceiveMicros)) / 2;
    }

    /** Network round trip, excluding the server's own processing time. */
    public long roundTripMicros(long clientReceiveMicros) {
        return (clientReceiveMicros - clientSendMicros) - (serverSendMicros - serverReceiveMicros);
    }

    @Override
    public void write(PayloadWriter out) {
        out.i64(clientSendMicros).i64(serverReceiveMicros).i64(serverSendMicros);
    }

    @Override
    public MessageType type() {
        return MessageType.TIME_SYNC_RESPONSE;
    }
}
