package vn.loa.protocol;

import io.netty.util.ReferenceCountUtil;
import io.netty.util.ReferenceCounted;
import vn.loa.protocol.message.Message;

/**
 * One message with its header fields. Reference counting is delegated to the message so that Netty
 * handlers that release what they consume (SimpleChannelInboundHandler, encoders) free audio buffers.
 */
public record Frame(long requestId, int flags, Message message) implements ReferenceCounted {

    public Frame {
        if (requestId < 0 || requestId > FrameFormat.MAX_REQUEST_ID) {
            throw new IllegalArgumentException("requestId " + requestId + " does not fit u32");
        }
        if (flags < 0 || flags > 0xFFFF) {
            throw new IllegalArgumentException("flags " + flags + " do not fit u16");
        }
        if (message == null) {
            throw new IllegalArgumentException("message is missing");
        }
    }

    /** An unsolicited message (STATUS, AUDIO_*): request id 0. */
    public static Frame of(Message message) {
        return new Frame(0, 0, message);
    }

    public static Frame request(long requestId, Message message) {
        return new Frame(requestId, 0, message);
    }

    /** A reply carries the request id of the frame it answers. */
    public static Frame replyTo(Frame request, Message message) {
        return new Frame(request.requestId, 0, message);
    }

    public MessageType type() {
        return message.type();
    }

    @Override
    public int refCnt() {
        return message instanceof ReferenceCounted rc ? rc.refCnt() : 1;
    }

    @Override
    public Frame retain() {
        ReferenceCountUtil.retain(message);
        return this;
    }

    @Override
    public Frame retain(int increment) {
        ReferenceCountUtil.retain(message, increment);
        return this;
    }

    @Override
    public Frame touch() {
        ReferenceCountUtil.touch(message);
        return this;
    }

    @Override
    public Frame touch(Object hint) {
        ReferenceCountUtil.touch(message, hint);
        return this;
    }

    @Override
    public boolean release() {
        return ReferenceCountUtil.release(message);
    }

    @Override
    public boolean release(int decrement) {
        return ReferenceCountUtil.release(message, decrement);
    }
}
