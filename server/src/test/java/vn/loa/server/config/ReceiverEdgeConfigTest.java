package vn.loa.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** server.yaml's receiverLimits and tls blocks: sane defaults, and mistakes refused before anything binds. */
class ReceiverEdgeConfigTest {

    @Test
    void withoutTheBlocksTheDefaultsApplyAndTlsIsOff(@TempDir Path dir) throws Exception {
        ServerSettings s = load(dir, "httpPort: 8080\n");
        assertEquals(ReceiverLimits.DEFAULT, s.receiverLimits());
        assertEquals(1_024, s.receiverLimits().preAuthConnections());
        assertFalse(s.tls().receivers() || s.tls().http());
    }

    @Test
    void theBlocksAreReadWithTlsFilesRelativeToTheConfigDirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cert.pem"), "x");
        Files.writeString(dir.resolve("key.pem"), "x");
        ServerSettings s = load(dir, """
                receiverLimits: {preAuthConnections: 200, preAuthPerAddress: 4, statusPerSecond: 2, historyRowsPerMinute: 3}
                tls: {certificate: cert.pem, privateKey: key.pem, http: false}
                """);
        assertEquals(new ReceiverLimits(200, 4, 2, 3), s.receiverLimits());
        assertEquals(dir.resolve("cert.pem"), s.tls().certificate());
        assertTrue(s.tls().receivers());
        assertFalse(s.tls().http());
    }

    @Test
    void aPerAddressCapAboveTheTotalOrAMissingCertificateIsAConfigurationError(@TempDir Path dir) throws Exception {
        ConfigException caps = assertThrows(ConfigException.class,
                () -> load(dir, "receiverLimits: {preAuthConnections: 10, preAuthPerAddress: 11}\n"));
        assertTrue(caps.getMessage().contains("receiverLimits"), caps.getMessage());
        ConfigException tls = assertThrows(ConfigException.class,
                () -> load(dir, "tls: {certificate: nowhere.pem, privateKey: nowhere.key}\n"));
        assertTrue(tls.getMessage().contains("tls: cannot read"), tls.getMessage());
    }

    private static ServerSettings load(Path dir, String yaml) throws Exception {
        Files.writeString(dir.resolve("server.yaml"), yaml);
        Files.writeString(dir.resolve("stations.yaml"), "areas:\n  - {id: p, name: P}\nstations: []\n");
        return new ConfigLoader().load(CommandLine.parse("--config", dir.toString(), "--data",
                dir.resolve("data").toString())).settings();
    }
}
