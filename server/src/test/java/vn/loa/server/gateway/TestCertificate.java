package vn.loa.server.gateway;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made with the JDK's keytool and written as the
 * PEM files server.yaml's tls block reads: {@code cert.pem} and a PKCS#8 {@code key.pem}.
 */
record TestCertificate(Path certificate, Path privateKey) {

    static TestCertificate make(Path dir) throws Exception {
        Path store = dir.resolve("tls.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "loa", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "test-only", "-keypass", "test-only")
                .redirectErrorStream(true).start();
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + new String(keytool.getInputStream().readAllBytes()));
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "test-only".toCharArray());
        }
        Certificate cert = keys.getCertificate("loa");
        Key key = keys.getKey("loa", "test-only".toCharArray());
        return new TestCertificate(Files.writeString(dir.resolve("cert.pem"), pem("CERTIFICATE", cert.getEncoded())),
                Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", key.getEncoded())));
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
