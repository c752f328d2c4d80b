package vn.loa.server.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Optional TLS (server.yaml {@code tls}): one PEM certificate chain and its PKCS#8 PEM private key, used
 * on the receiver port, the HTTP port or both.
 *
 * @param certificate PEM certificate chain, or null when TLS is off
 * @param privateKey  PEM PKCS#8 private key of the certificate
 */
public record TlsSettings(Path certificate, Path privateKey, boolean receivers, boolean http) {
    public static final TlsSettings OFF = new TlsSettings(null, null, false, false);

    public TlsSettings {
        if ((receivers || http) && (certificate == null || privateKey == null)) {
            throw new ConfigException("tls: certificate and privateKey are both needed to turn TLS on");
        }
        for (Path file : new Path[] {certificate, privateKey}) {
            if ((receivers || http) && !Files.isReadable(file)) {
                throw new ConfigException("tls: cannot read " + file);
            }
        }
    }
}
