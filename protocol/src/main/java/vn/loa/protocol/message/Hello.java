package vn.loa.protocol.message;

import vn.loa.protocol.MessageType;
import vn.loa.protocol.codec.PayloadReader;
import vn.loa.protocol.codec.PayloadWriter;

/** Opens the handshake. Capabilities are kept as raw bits so unknown bits survive a round trip. */
public record Hello(String stationId, int protocolVersion, String firmware, long capabilities) implements Message {

    public Hello {
        Limits.requireStationId(stationId);
        Limits.requireRange(protocolVersion, 1, 255, "protocolVersion");
        Limits.requireMaxBytes(firmware, Limits.FIRMWARE_BYTES, "firmware");
        Limits.requireRange(capabilities, 0, 0xFFFF_FFFFL, "capabilities");
    }

    public static Hello read(PayloadReader in) {
        String id = in.string(Limits.STATION_ID_BYTES, "stationId");
        return new Hello(id, in.u8("protocolVersion"), in.string(Limits.FIRMWARE_BYTES, "firmware"),
                in.u32("capabilities"));
    }

    @Override
    public void write(PayloadWriter out) {
        out.string(stationId, Limits.STATION_ID_BYTES).u8(protocolVersion)
                .string(firmware, Limits.FIRMWARE_BYTES).u32(capabilities);
    }

    @Override
    public MessageType type() {
        return MessageType.HELLO;
    }
}
