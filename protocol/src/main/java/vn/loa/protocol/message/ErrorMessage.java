package vn.loa.protocol.message;

import java.nio.charset.StandardCharsets;
import vn.loa.protocol.ErrorCode;
import vn.loa.protocol.MessageType;
import vn.loa.protocol.codec.PayloadReader;
import vn.loa.protocol.codec.PayloadWriter;

/** A coded error. The code stays raw: a code this build does not know is still carried and read as fatal. */
public record ErrorMessage(int code, int refersType, String text) implements Message {

    public ErrorMessage {
        Limits.requireRange(code, 0, 0xFFFF, "code");
        Limits.requireRange(refersType, 0, 0xFF, "refersType");
        Limits.requireMaxBytes(text, Limits.ERROR_TEXT_BYTES, "text");
    }

    /** Builds an error, cutting an over-long text rather than failing to report the error at all. */
    public static ErrorMessage of(ErrorCode code, int refersType, String text) {
        String t = text == null ? "" : text;
        while (t.getBytes(StandardCharsets.UTF_8).length > Limits.ERROR_TEXT_BYTES) {
            t = t.substring(0, t.length() * 3 / 4);
        }
        return new ErrorMessage(code.code(), refersType, t);
    }

    /** The known code, or null when the peer sent one this build does not know. */
    public ErrorCode errorCode() {
        return ErrorCode.fromCode(code);
    }

    public boolean fatal() {
        ErrorCode known = errorCode();
        return known == null || known.fatal();
    }

    public static ErrorMessage read(PayloadReader in) {
        return new ErrorMessage(in.u16("code"), in.u8("refersType"), in.string(Limits.ERROR_TEXT_BYTES, "text"));
    }

    @Override
    public void write(PayloadWriter out) {
        out.u16(code).u8(refersType).string(text, Limits.ERROR_TEXT_BYTES);
    }

    @Override
    public MessageType type() {
        return MessageType.ERROR;
    }
}
