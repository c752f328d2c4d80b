package vn.loa.protocol.message;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCounted;
import vn.loa.protocol.MessageType;
import vn.loa.protocol.codec.PayloadReader;
import vn.loa.protocol.codec.PayloadWriter;

/**
 * MP3 frames of the current session. Holds a reference-counted buffer (a slice of the network input
 * when decoded) so audio is not copied per receiver; whoever ends up holding it releases it.
 */
public record AudioChunk(long sessionId, long sequence, long timestampMicros, ByteBuf data)
        implements Message, ReferenceCounted {

    public AudioChunk {
        Limits.requireRange(sequence, 0, 0xFFFF_FFFFL, "sequence");
        if (data == null || !data.isReadable()) {
            throw new IllegalArgumentException("an audio chunk carries at least one byte");
        }
    }

    public static AudioChunk read(PayloadReader in) {
        long session = in.i64("sessionId");
        long sequence = in.u32("sequence");
        long timestamp = in.i64("timestampMicros");
        return new AudioChunk(session, sequence, timestamp, in.retainedRest("data"));
    }

    @Override
    public void write(PayloadWriter out) {
        out.i64(sessionId).u32(sequence).i64(timestampMicros).bytes(data);
    }

    @Override
    public MessageType type() {
        return MessageType.AUDIO_CHUNK;
    }

    @Override
    public int refCnt() {
        return data.refCnt();
    }

    @Override
    public AudioChunk retain() {
        data.retain();
        return this;
    }

    @Override
    public AudioChunk retain(int increment) {
        data.retain(increment);
        return this;
    }

    @Override
    public AudioChunk touch() {
        data.touch();
        return this;
    }

    @Override
    public AudioChunk touch(Object hint) {
        data.touch(hint);
        return this;
    }

    @Override
    public boolean release() {
        return data.release();
    }

    @Override
    public boolean release(int decrement) {
        return data.release(decrement);
    }
}
