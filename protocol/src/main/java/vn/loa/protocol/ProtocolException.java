package vn.loa.protocol;

import io.netty.handler.codec.DecoderException;

/**
 * A violation of the protocol by the peer, carrying the code to answer with. Extends Netty's
 * DecoderException so that ByteToMessageDecoder passes it along unwrapped.
 */
public final class ProtocolException extends DecoderException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final long requestId;
    private final int refersType;

    public ProtocolException(ErrorCode code, String message) {
        this(code, message, 0, 0);
    }

    public ProtocolException(ErrorCode code, String message, long requestId, int refersType) {
        super(code.name() + ": " + message);
        this.code = code;
        this.requestId = requestId;
        this.refersType = refersType;
    }

    public ErrorCode code() {
        return code;
    }

    /** The request id of the offending frame, when its header was readable; otherwise 0. */
    public long requestId() {
        return requestId;
    }

    /** The type code of the offending frame, when known; otherwise 0. */
    public int refersType() {
        return refersType;
    }

    /** The message without the code prefix, for the ERROR frame's text field. */
    public String detail() {
        String m = getMessage();
        return m.substring(code.name().length() + 2);
    }
}
