package vn.loa.protocol.message;

import java.util.Arrays;
import vn.loa.protocol.MessageType;
import vn.loa.protocol.StationAuth;
import vn.loa.protocol.codec.PayloadReader;
import vn.loa.protocol.codec.PayloadWriter;

/**
 * Opens the handshake. Capabilities are kept as raw bits so unknown bits survive a round trip.
 * {@code receiverNonce} (appended; null from receivers that predate it) asks the server to prove who it
 * is: WELCOME then carries a signature over it.
 */
public record Hello(String stationId, int protocolVersion, String firmware, long capabilities, byte[] receiverNonce)
        implements Message {

    public Hello {
        Limits.requireStationId(stationId);
        Limits.requireRange(protocolVersion, 1, 255, "protocolVersion");
        Limits.requireMaxBytes(firmware, Limits.FIRMWARE_BYTES, "firmware");
        Limits.requireRange(capabilities, 0, 0xFFFF_FFFFL, "capabilities");
        if (receiverNonce != null && receiverNonce.length != StationAuth.NONCE_LENGTH) {
            throw new IllegalArgumentException("receiverNonce must be " + StationAuth.NONCE_LENGTH + " bytes");
        }
        receiverNonce = receiverNonce == null ? null : receiverNonce.clone();
    }

    /** A HELLO without a nonce, as receivers that do not check the server's identity send it. */
    public Hello(String stationId, int protocolVersion, String firmware, long capabilities) {
        this(stationId, protocolVersion, firmware, capabilities, null);
    }

    @Override
    public byte[] receiverNonce() {
        return receiverNonce == null ? null : receiverNonce.clone();
    }

    public static Hello read(PayloadReader in) {
        String id = in.string(Limits.STATION_ID_BYTES, "stationId");
        int version = in.u8("protocolVersion");
        String firmware = in.string(Limits.FIRMWARE_BYTES, "firmware");
        long capabilities = in.u32("capabilities");
        byte[] nonce = in.remaining() >= StationAuth.NONCE_LENGTH
                ? in.fixedBytes(StationAuth.NONCE_LENGTH, "receiverNonce") : null;
        return new Hello(id, version, firmware, capabilities, nonce);
    }

    @Override
    public void write(PayloadWriter out) {
        out.string(stationId, Limits.STATION_ID_BYTES).u8(protocolVersion)
                .string(firmware, Limits.FIRMWARE_BYTES).u32(capabilities);
        if (receiverNonce != null) {
            out.fixedBytes(receiverNonce);
        }
    }

    @Override
    public MessageType type() {
        return MessageType.HELLO;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hello h && h.stationId.equals(stationId) && h.protocolVersion == protocolVersion
                && h.firmware.equals(firmware) && h.capabilities == capabilities
                && Arrays.equals(h.receiverNonce, receiverNonce);
    }

    @Override
    public int hashCode() {
        return stationId.hashCode() * 31 + Arrays.hashCode(receiverNonce);
    }

    @Override
    public String toString() {
        return "Hello[stationId=" + stationId + ", protocolVersion=" + protocolVersion + ", firmware=" + firmware
                + ", capabilities=" + capabilities + (receiverNonce == null ? "]" : ", with receiverNonce]");
    }
}
