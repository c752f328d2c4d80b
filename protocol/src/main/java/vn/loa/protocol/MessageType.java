package vn.loa.protocol;

import vn.loa.protocol.codec.PayloadDecoder;
import vn.loa.protocol.message.Ack;
import vn.loa.protocol.message.AudioChunk;
import vn.loa.protocol.message.AudioEnd;
import vn.loa.protocol.message.AudioStart;
import vn.loa.protocol.message.Auth;
import vn.loa.protocol.message.Challenge;
import vn.loa.protocol.message.Command;
import vn.loa.protocol.message.ErrorMessage;
import vn.loa.protocol.message.Hello;
import vn.loa.protocol.message.Status;
import vn.loa.protocol.message.TimeSyncRequest;
import vn.loa.protocol.message.TimeSyncResponse;
import vn.loa.protocol.message.Welcome;

/** One constant per message type: its wire code, the direction it may travel and its payload decoder. */
public enum MessageType {
    HELLO(0x01, Direction.TO_SERVER, Hello::read),
    CHALLENGE(0x02, Direction.TO_RECEIVER, Challenge::read),
    AUTH(0x03, Direction.TO_SERVER, Auth::read),
    WELCOME(0x04, Direction.TO_RECEIVER, Welcome::read),
    STATUS(0x05, Direction.TO_SERVER, Status::read),
    TIME_SYNC_REQUEST(0x06, Direction.TO_SERVER, TimeSyncRequest::read),
    TIME_SYNC_RESPONSE(0x07, Direction.TO_RECEIVER, TimeSyncResponse::read),
    COMMAND(0x08, Direction.TO_RECEIVER, Command::read),
    ACK(0x09, Direction.TO_SERVER, Ack::read),
    AUDIO_START(0x10, Direction.TO_RECEIVER, AudioStart::read),
    AUDIO_CHUNK(0x11, Direction.TO_RECEIVER, AudioChunk::read),
    AUDIO_END(0x12, Direction.TO_RECEIVER, AudioEnd::read),
    ERROR(0x7F, Direction.BOTH, ErrorMessage::read);

    private static final MessageType[] BY_CODE = new MessageType[256];

    static {
        for (MessageType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final Direction direction;
    private final PayloadDecoder decoder;

    MessageType(int code, Direction direction, PayloadDecoder decoder) {
        this.code = code;
        this.direction = direction;
        this.decoder = decoder;
    }

    public int code() {
        return code;
    }

    public Direction direction() {
        return direction;
    }

    public PayloadDecoder decoder() {
        return decoder;
    }

    /** The type with that code, or null for an unknown code. */
    public static MessageType fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
