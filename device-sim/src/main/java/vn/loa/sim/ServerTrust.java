package vn.loa.sim;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import javax.net.ssl.SSLException;
import vn.loa.protocol.ServerSignature;
import vn.loa.protocol.message.Welcome;

/**
 * How a simulated receiver knows it talks to the real server: the server's Ed25519 public key it pins
 * (WELCOME must be signed with it), and optionally TLS with the certificate it trusts.
 *
 * @param pinnedKey the server key, or null: then any server is accepted and each login says it was not verified
 * @param tls       the client TLS context, or null for plain TCP
 */
public record ServerTrust(PublicKey pinnedKey, SslContext tls) {
    public static final ServerTrust NONE = new ServerTrust(null, null);

    /** @param keyFile the server's PEM public key ({@code loa-server identity}), or null */
    public static ServerTrust of(Path keyFile, boolean tls, Path trustedCertificate) {
        try {
            PublicKey key = keyFile == null ? null : ServerSignature.readPublicKeyPem(Files.readString(keyFile));
            if (key != null) {
                warmUp(key);
            }
            SslContext context = null;
            if (tls) {
                SslContextBuilder builder = SslContextBuilder.forClient();
                if (trustedCertificate != null) {
                    builder.trustManager(trustedCertificate.toFile());
                }
                context = builder.build();
            }
            return new ServerTrust(key, context);
        } catch (SSLException e) {
            throw new IllegalArgumentException("cannot use the TLS certificate " + trustedCertificate + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the server key " + keyFile + ": " + e.getMessage(), e);
        }
    }

    /** One verification at start loads the Ed25519 code, so a thousand first logins do not all wait for it. */
    private static void warmUp(PublicKey key) {
        byte[] nonce = new byte[32];
        ServerSignature.verify(key, nonce, nonce, "warm-up", new Welcome(1, 0, 0, new byte[ServerSignature.LENGTH]));
    }
}
