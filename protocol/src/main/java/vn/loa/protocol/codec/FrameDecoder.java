package vn.loa.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import vn.loa.protocol.Direction;
import vn.loa.protocol.ErrorCode;
import vn.loa.protocol.Frame;
import vn.loa.protocol.FrameFormat;
import vn.loa.protocol.MessageType;
import vn.loa.protocol.ProtocolException;
import vn.loa.protocol.message.Message;

/**
 * Turns bytes into {@link Frame}s. The header is validated as soon as its 14 bytes are in, before any
 * payload is buffered, so a peer announcing a huge frame is refused without the server holding it.
 * After the first error the decoder discards all further input: the connection is about to close and
 * nothing after a broken frame can be trusted to be aligned.
 */
public final class FrameDecoder extends ByteToMessageDecoder {
    private enum State { HEADER, PAYLOAD, FAILED }

    private final Direction inbound;
    private final int maxPayload;
    private State state = State.HEADER;
    private MessageType type;
    private int flags;
    private long requestId;
    private int length;

    /** @param inbound the direction of frames this side receives: TO_SERVER on the server. */
    public FrameDecoder(Direction inbound) {
        this(inbound, FrameFormat.MAX_PAYLOAD);
    }

    public FrameDecoder(Direction inbound, int maxPayload) {
        if (maxPayload < 0 || maxPayload > FrameFormat.MAX_PAYLOAD) {
            throw new IllegalArgumentException("maxPayload must be 0.." + FrameFormat.MAX_PAYLOAD);
        }
        this.inbound = inbound;
        this.maxPayload = maxPayload;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        try {
            if (state == State.HEADER && in.readableBytes() >= FrameFormat.HEADER_LENGTH) {
                readHeader(in);
            }
            if (state == State.PAYLOAD && in.readableBytes() >= length) {
                out.add(readPayload(in.readSlice(length)));
                state = State.HEADER;
            }
            if (state == State.FAILED) {
                in.skipBytes(in.readableBytes());
            }
        } catch (ProtocolException e) {
            state = State.FAILED;
            in.skipBytes(in.readableBytes());
            throw e;
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        decode(ctx, in, out);
        if (state != State.FAILED && (state == State.PAYLOAD || in.isReadable())) {
            int buffered = in.readableBytes();
            state = State.FAILED;
            in.skipBytes(buffered);
            throw new ProtocolException(ErrorCode.TRUNCATED_FRAME,
                    "connection closed inside a frame with " + buffered + " bytes of it received");
        }
    }

    private void readHeader(ByteBuf in) {
        int magic = in.readUnsignedShort();
        if (magic != FrameFormat.MAGIC) {
            throw new ProtocolException(ErrorCode.BAD_MAGIC, String.format("magic 0x%04X, expected 0x%04X",
                    magic, FrameFormat.MAGIC));
        }
        int version = in.readUnsignedByte();
        int typeCode = in.readUnsignedByte();
        flags = in.readUnsignedShort();
        requestId = in.readUnsignedInt();
        long declared = in.readUnsignedInt();
        if (version != FrameFormat.VERSION) {
            throw new ProtocolException(ErrorCode.UNSUPPORTED_VERSION,
                    "frame version " + version + ", this side speaks " + FrameFormat.VERSION, requestId, typeCode);
        }
        type = MessageType.fromCode(typeCode);
        if (type == null) {
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE,
                    String.format("message type 0x%02X", typeCode), requestId, typeCode);
        }
        if (!type.direction().arrivesAt(inbound)) {
            throw new ProtocolException(ErrorCode.UNEXPECTED_MESSAGE,
                    type + " travels " + type.direction() + ", not " + inbound, requestId, typeCode);
        }
        if (declared > maxPayload) {
            throw new ProtocolException(ErrorCode.FRAME_TOO_LARGE,
                    type + " declares " + declared + " payload bytes, maximum " + maxPayload, requestId, typeCode);
        }
        length = (int) declared;
        state = State.PAYLOAD;
    }

    private Frame readPayload(ByteBuf payload) {
        Message message;
        try {
            message = type.decoder().decode(new PayloadReader(payload, type.name()));
        } catch (ProtocolException e) {
            throw new ProtocolException(e.code(), e.detail(), requestId, type.code());
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.MALFORMED_FRAME, type + ": " + e.getMessage(), requestId,
                    type.code());
        }
        return new Frame(requestId, flags, message);
    }
}
