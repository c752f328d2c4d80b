package vn.loa.protocol.codec;

import vn.loa.protocol.message.Message;

/** Reads one message type's payload; each message record supplies its own as a method reference. */
@FunctionalInterface
public interface PayloadDecoder {
    Message decode(PayloadReader reader);
}
