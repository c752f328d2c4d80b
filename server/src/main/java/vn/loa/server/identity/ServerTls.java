package vn.loa.server.identity;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import javax.net.ssl.SSLException;
import vn.loa.server.config.ConfigException;
import vn.loa.server.config.TlsSettings;

/**
 * The server side of the optional TLS: one context per port that has TLS turned on, built once at start
 * from the PEM files of server.yaml. Read errors are configuration errors, reported before anything binds.
 */
public final class ServerTls {
    private ServerTls() {
    }

    /** @return the context for the receiver port, or null for plain TCP */
    public static SslContext forReceivers(TlsSettings tls) {
        return tls.receivers() ? build(tls) : null;
    }

    /** @return the context for the HTTP port, or null for plain HTTP */
    public static SslContext forHttp(TlsSettings tls) {
        return tls.http() ? build(tls) : null;
    }

    private static SslContext build(TlsSettings tls) {
        try {
            return SslContextBuilder.forServer(tls.certificate().toFile(), tls.privateKey().toFile())
                    .protocols("TLSv1.3", "TLSv1.2").build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new ConfigException("tls: cannot use " + tls.certificate() + " with " + tls.privateKey() + ": "
                    + e.getMessage(), e);
        }
    }
}
