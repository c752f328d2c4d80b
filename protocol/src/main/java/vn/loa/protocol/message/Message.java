package vn.loa.protocol.message;

import vn.loa.protocol.MessageType;
import vn.loa.protocol.codec.PayloadWriter;

/** A decoded payload. Records are immutable; the only one holding a buffer is {@link AudioChunk}. */
public sealed interface Message
        permits Hello, Challenge, Auth, Welcome, Status, TimeSyncRequest, TimeSyncResponse,
                Command, Ack, AudioStart, AudioChunk, AudioEnd, ErrorMessage {

    MessageType type();

    void write(PayloadWriter out);
}
