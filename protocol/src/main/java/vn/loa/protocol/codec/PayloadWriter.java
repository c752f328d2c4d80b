package vn.loa.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/** Writes payload fields. Out-of-range values are bugs in the caller, hence IllegalArgumentException. */
public final class PayloadWriter {
    private final ByteBuf out;

    public PayloadWriter(ByteBuf out) {
        this.out = out;
    }

    public PayloadWriter u8(int value) {
        check(value >= 0 && value <= 0xFF, "u8", value);
        out.writeByte(value);
        return this;
    }

    public PayloadWriter u16(int value) {
        check(value >= 0 && value <= 0xFFFF, "u16", value);
        out.writeShort(value);
        return this;
    }

    public PayloadWriter i16(int value) {
        check(value >= Short.MIN_VALUE && value <= Short.MAX_VALUE, "i16", value);
        out.writeShort(value);
        return this;
    }

    public PayloadWriter u32(long value) {
        check(value >= 0 && value <= 0xFFFF_FFFFL, "u32", value);
        out.writeInt((int) value);
        return this;
    }

    public PayloadWriter i32(int value) {
        out.writeInt(value);
        return this;
    }

    public PayloadWriter i64(long value) {
        out.writeLong(value);
        return this;
    }

    public PayloadWriter fixedBytes(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    public PayloadWriter string(String value, int maxBytes) {
        int length = ByteBufUtil.utf8Bytes(value);
        if (length > maxBytes) {
            throw new IllegalArgumentException("string of " + length + " bytes exceeds " + maxBytes);
        }
        out.writeShort(length);
        ByteBufUtil.reserveAndWriteUtf8(out, value, length);
        return this;
    }

    public PayloadWriter bytes(ByteBuf data) {
        out.writeBytes(data, data.readerIndex(), data.readableBytes());
        return this;
    }

    private static void check(boolean ok, String type, long value) {
        if (!ok) {
            throw new IllegalArgumentException(value + " does not fit " + type);
        }
    }
}
