package vn.loa.protocol;

import java.util.HashMap;
import java.util.Map;

/** The error codes of docs/protocol.md. Fatal codes are followed by the sender closing the connection. */
public enum ErrorCode {
    MALFORMED_FRAME(0x0001, true),
    BAD_MAGIC(0x0002, true),
    UNSUPPORTED_VERSION(0x0003, true),
    UNKNOWN_TYPE(0x0004, true),
    FRAME_TOO_LARGE(0x0005, true),
    UNEXPECTED_MESSAGE(0x0006, true),
    /** Only ever logged: there is nobody left to send it to. */
    TRUNCATED_FRAME(0x0007, true),
    UNKNOWN_STATION(0x0010, true),
    STATION_DISABLED(0x0011, true),
    AUTH_FAILED(0x0012, true),
    HANDSHAKE_TIMEOUT(0x0013, true),
    SESSION_REPLACED(0x0014, true),
    HEARTBEAT_TIMEOUT(0x0015, true),
    SHUTTING_DOWN(0x0016, true),
    COMMAND_UNSUPPORTED(0x0020, false),
    COMMAND_INVALID(0x0021, false),
    COMMAND_REPLAYED(0x0022, false),
    COMMAND_EXPIRED(0x0023, false),
    AUDIO_UNSUPPORTED(0x0030, false),
    INTERNAL_ERROR(0x00FF, true);

    private static final Map<Integer, ErrorCode> BY_CODE = new HashMap<>();

    static {
        for (ErrorCode c : values()) {
            BY_CODE.put(c.code, c);
        }
    }

    private final int code;
    private final boolean fatal;

    ErrorCode(int code, boolean fatal) {
        this.code = code;
        this.fatal = fatal;
    }

    public int code() {
        return code;
    }

    public boolean fatal() {
        return fatal;
    }

    /** The code with that number, or null: the protocol reads an unknown code as fatal. */
    public static ErrorCode fromCode(int code) {
        return BY_CODE.get(code);
    }
}
