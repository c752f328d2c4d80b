package vn.loa.protocol.codec;

import io.netty.buffer.Unpooled;
import java.util.EnumMap;
import java.util.Map;
import vn.loa.protocol.AudioEndReason;
import vn.loa.protocol.CommandType;
import vn.loa.protocol.ErrorCode;
import vn.loa.protocol.LinkType;
import vn.loa.protocol.MessageType;
import vn.loa.protocol.Priority;
import vn.loa.protocol.message.Ack;
import vn.loa.protocol.message.AudioChunk;
import vn.loa.protocol.message.AudioEnd;
import vn.loa.protocol.message.AudioStart;
import vn.loa.protocol.message.Auth;
import vn.loa.protocol.message.Challenge;
import vn.loa.protocol.message.Command;
import vn.loa.protocol.message.ErrorMessage;
import vn.loa.protocol.message.Hello;
import vn.loa.protocol.message.Message;
import vn.loa.protocol.message.Status;
import vn.loa.protocol.message.TimeSyncRequest;
import vn.loa.protocol.message.TimeSyncResponse;
import vn.loa.protocol.message.Welcome;

/** One realistic instance of every message type, with Vietnamese text where the protocol carries text. */
final class SampleMessages {
    private SampleMessages() {
    }

    static Map<MessageType, Message> all() {
        Map<MessageType, Message> m = new EnumMap<>(MessageType.class);
        m.put(MessageType.HELLO, new Hello("tra-mai.thon-1_01", 1, "loa-fw 2.4.1", 0x3F));
        m.put(MessageType.CHALLENGE, new Challenge(bytes(32, 7)));
        m.put(MessageType.AUTH, new Auth(bytes(32, 11)));
        m.put(MessageType.WELCOME, new Welcome(10_000, 1_763_780_000_000_000L, 42));
        m.put(MessageType.STATUS, new Status(65, true, true, false, true, false, (short) 385, (short) -71,
                LinkType.CELLULAR, 86_400, 1500, 0x8000_0000_0000_0001L));
        m.put(MessageType.TIME_SYNC_REQUEST, new TimeSyncRequest(1_000_000));
        m.put(MessageType.TIME_SYNC_RESPONSE, new TimeSyncResponse(1_000_000, 1_000_250, 1_000_300));
        m.put(MessageType.COMMAND, new Command(CommandType.SET_VOLUME.code(), 40, 1_763_780_000_000_001L,
                1_763_780_005_000_000L));
        m.put(MessageType.ACK, new Ack());
        m.put(MessageType.AUDIO_START, new AudioStart(77, Priority.EMERGENCY, AudioStart.CODEC_MP3, 22_050,
                32_000, 1_763_780_001_000_000L, 12_500, 90, "Cảnh báo lũ quét – xã Trà Leng"));
        m.put(MessageType.AUDIO_CHUNK, new AudioChunk(77, 4_294_967_295L, 1_763_780_001_026_000L,
                Unpooled.wrappedBuffer(new byte[] {(byte) 0xFF, (byte) 0xF3, 0x44, 0x00, 1, 2, 3})));
        m.put(MessageType.AUDIO_END, new AudioEnd(77, AudioEndReason.PREEMPTED, 123));
        m.put(MessageType.ERROR, ErrorMessage.of(ErrorCode.COMMAND_REPLAYED, MessageType.COMMAND.code(),
                "sequence 5 ≤ last accepted 9"));
        return m;
    }

    static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return b;
    }
}
