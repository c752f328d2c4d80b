package vn.loa.protocol.message;

import java.util.Arrays;
import vn.loa.protocol.MessageType;
import vn.loa.protocol.StationAuth;
import vn.loa.protocol.codec.PayloadReader;
import vn.loa.protocol.codec.PayloadWriter;

/** The server's fresh nonce. The array is copied in and out so the record stays immutable. */
public record Challenge(byte[] nonce) implements Message {

    public Challenge {
        if (nonce == null || nonce.length != StationAuth.NONCE_LENGTH) {
            throw new IllegalArgumentException("nonce must be " + StationAuth.NONCE_LENGTH + " bytes");
        }
        nonce = nonce.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    public static Challenge read(PayloadReader in) {
        return new Challenge(in.fixedBytes(StationAuth.NONCE_LENGTH, "nonce"));
    }

    @Override
    public void write(PayloadWriter out) {
        out.fixedBytes(nonce);
    }

    @Override
    public MessageType type() {
        return MessageType.CHALLENGE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Challenge c && Arrays.equals(nonce, c.nonce);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(nonce);
    }

    @Override
    public String toString() {
        return "Challenge[32 bytes]";
    }
}
