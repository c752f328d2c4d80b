package vn.loa.server.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.SimEvents;
import vn.loa.server.TestServer;
import vn.loa.server.identity.ServerIdentity;
import vn.loa.sim.DeviceSimulator;
import vn.loa.sim.ServerTrust;

/**
 * With tls in server.yaml both ports speak TLS only: a receiver that trusts the certificate (and pins the
 * key) logs in, the API answers over HTTPS, and plain TCP on either port gets nowhere.
 */
class TlsPortsTest {
    @TempDir
    Path dir;
    private TestCertificate cert;
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        cert = TestCertificate.make(Files.createDirectories(dir.resolve("tls")));
        server = TestServer.withServerYaml(dir, yaml -> yaml + "tls: {certificate: \"" + cert.certificate() + "\", privateKey: \""
                + cert.privateKey() + "\"}\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aReceiverTrustingTheCertificateLogsInOverTls() {
        SimEvents events = new SimEvents();
        ServerTrust trust = ServerTrust.of(dir.resolve("data/identity").resolve(ServerIdentity.PUBLIC_FILE), true,
                cert.certificate());
        try (DeviceSimulator sim = new DeviceSimulator(server.receiverAddress(), events.log(), trust)) {
            sim.add(TestServer.credentials("st-01"));
            await().atMost(Duration.ofSeconds(15)).until(() -> events.has("st-01", "welcome", "serverVerified", true));
        }
    }

    @Test
    void aReceiverSpeakingPlainTcpToTheTlsPortNeverLogsIn() {
        SimEvents events = new SimEvents();
        try (DeviceSimulator sim = new DeviceSimulator(server.receiverAddress(), events.log())) {
            sim.add(TestServer.credentials("st-02"));
            await().atMost(Duration.ofSeconds(10)).until(() -> !events.of("st-02", "disconnected").isEmpty());
            assertFalse(events.has("st-02", "welcome", e -> true));
        }
    }

    @Test
    void theApiAnswersOverHttpsOnlyToClientsTrustingTheCertificate() throws Exception {
        HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(cert.certificate())).build();
        HttpResponse<String> health = trusting.send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + server.httpPort() + "/api/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
        assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.httpPort() + "/api/health")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        return TrustedCertificate.trusting(certificate);
    }
}
