package vn.loa.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The handshake's proof of identity: HMAC-SHA256 over the server nonce and the station id. */
public final class StationAuth {
    public static final int NONCE_LENGTH = 32;
    public static final int MAC_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private StationAuth() {
    }

    public static byte[] mac(String secret, byte[] nonce, String stationId) {
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("empty station secret");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update(nonce);
            mac.update(stationId.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory on every Java platform; reaching this means a broken JRE.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time comparison, so response timing does not reveal how much of a guess was right. */
    public static boolean verify(String secret, byte[] nonce, String stationId, byte[] presented) {
        return MessageDigest.isEqual(mac(secret, nonce, stationId), presented);
    }
}
