package vn.loa.protocol.message;

import java.util.Arrays;
import vn.loa.protocol.MessageType;
import vn.loa.protocol.StationAuth;
import vn.loa.protocol.codec.PayloadReader;
import vn.loa.protocol.codec.PayloadWriter;

/** The receiver's HMAC over the nonce and its id. Never printed: logs must not carry MACs. */
public record Auth(byte[] mac) implements Message {

    public Auth {
        if (mac == null || mac.length != StationAuth.MAC_LENGTH) {
            throw new IllegalArgumentException("mac must be " + StationAuth.MAC_LENGTH + " bytes");
        }
        mac = mac.clone();
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    public static Auth read(PayloadReader in) {
        return new Auth(in.fixedBytes(StationAuth.MAC_LENGTH, "mac"));
    }

    @Override
    public void write(PayloadWriter out) {
        out.fixedBytes(mac);
    }

    @Override
    public MessageType type() {
        return MessageType.AUTH;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Auth a && Arrays.equals(mac, a.mac);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mac);
    }

    @Override
    public String toString() {
        return "Auth[32 bytes]";
    }
}
