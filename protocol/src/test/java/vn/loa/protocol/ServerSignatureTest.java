package vn.loa.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.loa.protocol.codec.FrameDecoder;
import vn.loa.protocol.codec.FrameEncoder;
import vn.loa.protocol.message.Hello;
import vn.loa.protocol.message.Welcome;

/** WELCOME's signature: what a fake server cannot produce, and what old peers never notice. */
class ServerSignatureTest {
    private static final byte[] RECEIVER_NONCE = filled(0x11);
    private static final byte[] SERVER_NONCE = filled(0x22);
    private final KeyPair server = ed25519();
    private final KeyPair impostor = ed25519();
    private final Welcome welcome = new Welcome(10_000, 1_763_780_000_000_000L, 42);

    @Test
    void theRealServersSignatureVerifiesAndSurvivesTheWire() {
        Welcome signed = welcome.withSignature(ServerSignature.sign(server.getPrivate(), RECEIVER_NONCE, SERVER_NONCE,
                "st-01", welcome));
        Welcome received = (Welcome) roundTrip(Frame.request(2, signed), Direction.TO_RECEIVER).message();
        assertEquals(signed, received);
        assertTrue(ServerSignature.verify(server.getPublic(), RECEIVER_NONCE, SERVER_NONCE, "st-01", received));
    }

    @Test
    void aFakeServerCannotPassItsOwnKeyOrAnOldWelcomeOffAsTheRealOne() {
        byte[] forged = ServerSignature.sign(impostor.getPrivate(), RECEIVER_NONCE, SERVER_NONCE, "st-01", welcome);
        assertFalse(ServerSignature.verify(server.getPublic(), RECEIVER_NONCE, SERVER_NONCE, "st-01",
                welcome.withSignature(forged)), "signed with another key");
        byte[] recorded = ServerSignature.sign(server.getPrivate(), filled(0x33), SERVER_NONCE, "st-01", welcome);
        assertFalse(ServerSignature.verify(server.getPublic(), RECEIVER_NONCE, SERVER_NONCE, "st-01",
                welcome.withSignature(recorded)), "replayed from a connection with another receiver nonce");
        assertFalse(ServerSignature.verify(server.getPublic(), RECEIVER_NONCE, SERVER_NONCE, "st-01", welcome),
                "no signature at all");
        Welcome signed = welcome.withSignature(ServerSignature.sign(server.getPrivate(), RECEIVER_NONCE, SERVER_NONCE,
                "st-01", welcome));
        assertFalse(ServerSignature.verify(server.getPublic(), RECEIVER_NONCE, SERVER_NONCE, "st-02", signed),
                "meant for another station");
    }

    @Test
    void oldReceiversAndNewServersUnderstandEachOther() {
        Hello old = new Hello("st-01", 1, "fw 1.0", 0x3F);
        Hello decoded = (Hello) roundTrip(Frame.request(1, old), Direction.TO_SERVER).message();
        assertNull(decoded.receiverNonce(), "a HELLO without the appended nonce still decodes");
        Hello asking = new Hello("st-01", 1, "fw 2.0", 0x3F, RECEIVER_NONCE);
        assertArrayEquals(RECEIVER_NONCE, ((Hello) roundTrip(Frame.request(1, asking), Direction.TO_SERVER).message())
                .receiverNonce());
    }

    @Test
    void thePinnedKeyFileReadsBackWithTheSameFingerprint() {
        String pem = ServerSignature.publicKeyPem(server.getPublic());
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n"), pem);
        assertEquals(ServerSignature.fingerprint(server.getPublic()),
                ServerSignature.fingerprint(ServerSignature.readPublicKeyPem(pem)));
        assertFalse(ServerSignature.fingerprint(server.getPublic()).equals(ServerSignature.fingerprint(impostor.getPublic())));
    }

    private static Frame roundTrip(Frame frame, Direction to) {
        ByteBuf bytes = FrameEncoder.encode(frame, Unpooled.buffer().alloc());
        EmbeddedChannel decoder = new EmbeddedChannel(new FrameDecoder(to));
        decoder.writeInbound(bytes);
        Frame decoded = decoder.readInbound();
        decoder.finishAndReleaseAll();
        return decoded;
    }

    private static byte[] filled(int value) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
