package vn.loa.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToByteEncoder;
import vn.loa.protocol.Frame;
import vn.loa.protocol.FrameFormat;

/**
 * Writes {@link Frame}s. Stateless, so one instance serves every channel. Frames already encoded with
 * {@link #encode(Frame, ByteBufAllocator)} travel as plain ByteBufs and pass this handler untouched,
 * which lets one encoded audio frame be shared by many receivers.
 */
@Sharable
public final class FrameEncoder extends MessageToByteEncoder<Frame> {
    public static final FrameEncoder INSTANCE = new FrameEncoder();

    private FrameEncoder() {
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Frame frame, ByteBuf out) {
        writeFrame(frame, out);
    }

    /** Encodes a frame once into a new buffer, for fan-out to many channels with retainedDuplicate(). */
    public static ByteBuf encode(Frame frame, ByteBufAllocator alloc) {
        ByteBuf out = alloc.buffer();
        try {
            writeFrame(frame, out);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    private static void writeFrame(Frame frame, ByteBuf out) {
        int start = out.writerIndex();
        out.writeShort(FrameFormat.MAGIC);
        out.writeByte(FrameFormat.VERSION);
        out.writeByte(frame.type().code());
        out.writeShort(frame.flags());
        out.writeInt((int) frame.requestId());
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        frame.message().write(new PayloadWriter(out));
        int length = out.writerIndex() - lengthIndex - 4;
        if (length > FrameFormat.MAX_PAYLOAD) {
            out.writerIndex(start);
            throw new EncoderException(frame.type() + " payload of " + length + " bytes exceeds "
                    + FrameFormat.MAX_PAYLOAD);
        }
        out.setInt(lengthIndex, length);
    }
}
