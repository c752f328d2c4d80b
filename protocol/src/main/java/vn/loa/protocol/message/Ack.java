package vn.loa.protocol.message;

import vn.loa.protocol.MessageType;
import vn.loa.protocol.codec.PayloadReader;
import vn.loa.protocol.codec.PayloadWriter;

/** A command was carried out; the frame's request id says which. */
public record Ack() implements Message {

    public static Ack read(PayloadReader in) {
        return new Ack();
    }

    @Override
    public void write(PayloadWriter out) {
        // Empty payload: the header's request id is the whole message.
    }

    @Override
    public MessageType type() {
        return MessageType.ACK;
    }
}
