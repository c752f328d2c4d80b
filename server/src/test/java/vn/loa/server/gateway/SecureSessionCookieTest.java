package vn.loa.server.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.TestServer;

/** Issue 15: on a port that speaks TLS the session cookie is Secure, so a browser never sends it in clear. */
class SecureSessionCookieTest {
    @TempDir
    Path dir;

    @Test
    void aSignInOverTlsSetsASecureCookie() throws Exception {
        TestCertificate cert = TestCertificate.make(Files.createDirectories(dir.resolve("tls")));
        try (TestServer server = TestServer.withServerYaml(dir, yaml -> yaml + "tls: {certificate: \"" + cert.certificate()
                + "\", privateKey: \"" + cert.privateKey() + "\"}\n")) {
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(cert.certificate())).build();
            String base = "https://127.0.0.1:" + server.httpPort();
            HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(base + "/api/users"))
                    .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"name\":\"qua-tls\",\"role\":\"admin\",\"password\":\"mat-khau-qua-tls\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"qua-tls\",\"password\":\"mat-khau-qua-tls\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode(), login.body());
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.contains("; Secure") && cookie.contains("; HttpOnly") && cookie.contains("; SameSite=Strict"), cookie);
        }
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        return TrustedCertificate.trusting(certificate);
    }
}
