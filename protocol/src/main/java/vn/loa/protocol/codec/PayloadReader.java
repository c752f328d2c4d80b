package vn.loa.protocol.codec;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import vn.loa.protocol.ErrorCode;
import vn.loa.protocol.ProtocolException;

/**
 * Reads the fields of one payload, naming the field in every error so a technician reading the log
 * knows exactly which byte of which message was wrong.
 */
public final class PayloadReader {
    private final ByteBuf payload;
    private final String messageName;

    public PayloadReader(ByteBuf payload, String messageName) {
        this.payload = payload;
        this.messageName = messageName;
    }

    public int u8(String field) {
        need(1, field);
        return payload.readUnsignedByte();
    }

    public int u16(String field) {
        need(2, field);
        return payload.readUnsignedShort();
    }

    public short i16(String field) {
        need(2, field);
        return payload.readShort();
    }

    public long u32(String field) {
        need(4, field);
        return payload.readUnsignedInt();
    }

    public int i32(String field) {
        need(4, field);
        return payload.readInt();
    }

    /** i64 and u64 alike: u64 values above 2^63-1 come back negative, which callers treat as opaque ids. */
    public long i64(String field) {
        need(8, field);
        return payload.readLong();
    }

    public byte[] fixedBytes(int length, String field) {
        need(length, field);
        byte[] bytes = new byte[length];
        payload.readBytes(bytes);
        return bytes;
    }

    public String string(int maxBytes, String field) {
        int length = u16(field + " length");
        if (length > maxBytes) {
            throw malformed(field + " is " + length + " bytes, more than its maximum of " + maxBytes);
        }
        need(length, field);
        ByteBuffer bytes = payload.nioBuffer(payload.readerIndex(), length);
        try {
            String value = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
            payload.skipBytes(length);
            return value;
        } catch (CharacterCodingException e) {
            throw malformed(field + " is not valid UTF-8");
        }
    }

    /** The rest of the payload as a retained slice; the caller owns the reference. */
    public ByteBuf retainedRest(String field) {
        if (!payload.isReadable()) {
            throw malformed(field + " is empty");
        }
        return payload.readRetainedSlice(payload.readableBytes());
    }

    /** Bytes left in the payload: fields appended in later revisions are read only when present. */
    public int remaining() {
        return payload.readableBytes();
    }

    public ProtocolException malformed(String detail) {
        return new ProtocolException(ErrorCode.MALFORMED_FRAME, messageName + ": " + detail);
    }

    private void need(int bytes, String field) {
        if (payload.readableBytes() < bytes) {
            throw malformed("payload ends inside " + field + " (needs " + bytes + " bytes, "
                    + payload.readableBytes() + " left)");
        }
    }
}
