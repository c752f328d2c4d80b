package vn.loa.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import vn.loa.protocol.message.Welcome;

/**
 * The server's proof of identity in WELCOME: an Ed25519 signature over both nonces, the station id and
 * WELCOME's own fields. The receiver's nonce makes the proof fresh for this connection (a recorded
 * WELCOME is worth nothing on the next one), the server's binds it to the CHALLENGE the receiver
 * answered. Receivers pin the public key, distributed as a PEM file with its SHA-256 fingerprint.
 */
public final class ServerSignature {
    public static final int LENGTH = 64;
    private static final byte[] CONTEXT = "loa-welcome-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final String ALGORITHM = "Ed25519";

    private ServerSignature() {
    }

    public static byte[] sign(PrivateKey key, byte[] receiverNonce, byte[] serverNonce, String stationId, Welcome w) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(signedBytes(receiverNonce, serverNonce, stationId, w));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign WELCOME with " + ALGORITHM, e);
        }
    }

    /** @return false for a missing, malformed or wrong signature */
    public static boolean verify(PublicKey key, byte[] receiverNonce, byte[] serverNonce, String stationId, Welcome w) {
        if (w.signature() == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signedBytes(receiverNonce, serverNonce, stationId, w));
            return verifier.verify(w.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static byte[] signedBytes(byte[] receiverNonce, byte[] serverNonce, String stationId, Welcome w) {
        byte[] id = stationId.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(160);
        out.writeBytes(CONTEXT);
        out.writeBytes(receiverNonce);
        out.writeBytes(serverNonce);
        out.writeBytes(ByteBuffer.allocate(2).putShort((short) id.length).array());
        out.writeBytes(id);
        out.writeBytes(ByteBuffer.allocate(16).putInt((int) w.heartbeatIntervalMs()).putLong(w.serverTimeMicros())
                .putInt((int) w.connectionId()).array());
        return out.toByteArray();
    }

    /** The public key as a PEM "PUBLIC KEY" block (X.509 SubjectPublicKeyInfo), the file receivers pin. */
    public static String publicKeyPem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    /** Reads what {@link #publicKeyPem} wrote. */
    public static PublicKey readPublicKeyPem(String pem) {
        String body = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key in PEM: " + e.getMessage(), e);
        }
    }

    /** "SHA256:" and the unpadded base64 of the key's SubjectPublicKeyInfo digest, to read out over the phone. */
    public static String fingerprint(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
