package vn.loa.protocol.message;

import java.util.Arrays;
import vn.loa.protocol.MessageType;
import vn.loa.protocol.ServerSignature;
import vn.loa.protocol.codec.PayloadReader;
import vn.loa.protocol.codec.PayloadWriter;

/**
 * Ends the handshake and tells the receiver its heartbeat interval N. {@code signature} (appended, so
 * receivers that do not know it skip it) is the server's Ed25519 proof of identity, present when the
 * HELLO carried a receiver nonce ({@link vn.loa.protocol.ServerSignature}); null otherwise.
 */
public record Welcome(long heartbeatIntervalMs, long serverTimeMicros, long connectionId, byte[] signature)
        implements Message {

    public Welcome {
        Limits.requireRange(heartbeatIntervalMs, 1, 0xFFFF_FFFFL, "heartbeatIntervalMs");
        Limits.requireRange(connectionId, 0, 0xFFFF_FFFFL, "connectionId");
        if (signature != null && signature.length != ServerSignature.LENGTH) {
            throw new IllegalArgumentException("signature must be " + ServerSignature.LENGTH + " bytes");
        }
        signature = signature == null ? null : signature.clone();
    }

    public Welcome(long heartbeatIntervalMs, long serverTimeMicros, long connectionId) {
        this(heartbeatIntervalMs, serverTimeMicros, connectionId, null);
    }

    public Welcome withSignature(byte[] signed) {
        return new Welcome(heartbeatIntervalMs, serverTimeMicros, connectionId, signed);
    }

    @Override
    public byte[] signature() {
        return signature == null ? null : signature.clone();
    }

    public static Welcome read(PayloadReader in) {
        long interval = in.u32("heartbeatIntervalMs");
        if (interval == 0) {
            throw in.malformed("heartbeatIntervalMs is 0");
        }
        long time = in.i64("serverTimeMicros");
        long connection = in.u32("connectionId");
        byte[] signature = in.remaining() >= ServerSignature.LENGTH
                ? in.fixedBytes(ServerSignature.LENGTH, "signature") : null;
        return new Welcome(interval, time, connection, signature);
    }

    @Override
    public void write(PayloadWriter out) {
        out.u32(heartbeatIntervalMs).i64(serverTimeMicros).u32(connectionId);
        if (signature != null) {
            out.fixedBytes(signature);
        }
    }

    @Override
    public MessageType type() {
        return MessageType.WELCOME;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Welcome w && w.heartbeatIntervalMs == heartbeatIntervalMs
                && w.serverTimeMicros == serverTimeMicros && w.connectionId == connectionId
                && Arrays.equals(w.signature, signature);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(connectionId) * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "Welcome[heartbeatIntervalMs=" + heartbeatIntervalMs + ", serverTimeMicros=" + serverTimeMicros
                + ", connectionId=" + connectionId + (signature == null ? ", unsigned]" : ", signed]");
    }
}
