package vn.loa.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.loa.sim.StationCredentials;

/**
 * The test configuration under {@code dir/config}: stations st-01..st-20 over three communes (secret
 * "secret-st-NN"), a disabled st-off, heartbeat N = 1 s, the test clips as media library.
 */
public final class TestConfig {
    private TestConfig() {
    }

    public static Path write(Path dir, String databaseUrl) throws IOException {
        return write(dir, databaseUrl, "none");
    }

    /**
     * @param communeBQuietHours quiet hours for commune-b ("22:00-05:00" or "none"); everywhere else has
     *                           none, so schedule tests do not depend on the hour they run at
     */
    public static Path write(Path dir, String databaseUrl, String communeBQuietHours) throws IOException {
        Path config = Files.createDirectories(dir.resolve("config"));
        Path media = TestClips.write(dir.resolve("media"));
        // A fixed kernel send buffer, so loopback autotuning cannot hide a slow receiver for minutes.
        String yaml = """
                bindAddress: 127.0.0.1
                heartbeatIntervalMs: %d
                handshakeTimeoutMs: 1000
                commandTimeoutMs: 2000
                mediaDir: %s
                attentionTone: tone.mp3
                sendBufferBytes: 16384
                quietHours: none
                maxUploadBytes: 1048576
                """.formatted(TestServer.HEARTBEAT_MS, media.toString().replace('\\', '/'));
        if (databaseUrl != null) {
            yaml += "database:\n  url: \"" + databaseUrl + "\"\n";
        }
        Files.writeString(config.resolve("server.yaml"), yaml);
        StringBuilder stations = new StringBuilder("""
                areas:
                  - id: province
                    name: Tỉnh Thử
                    level: province
                    children:
                      - {id: commune-a, name: Xã A, level: commune}
                      - {id: commune-b, name: Xã B, level: commune, quietHours: "%s"}
                      - {id: commune-c, name: Xã C, level: commune, airtimeCapMinutes: 1}
                stations:
                  - {id: st-off, name: Trạm tắt, area: commune-c, enabled: false}
                """.formatted(communeBQuietHours));
        StringBuilder secrets = new StringBuilder("st-off: secret-st-off\n");
        for (StationCredentials c : TestServer.credentials()) {
            // st-07 is commune-a's test receiver: alert rehearsals (TEST) play there and nowhere else.
            stations.append("  - {id: %s, name: Cụm loa %s, area: %s, lat: 15.1, lon: 108.1%s}\n"
                    .formatted(c.id(), c.id(), TestServer.communeOf(c.id()), c.id().equals("st-07") ? ", tags: [test]" : ""));
            secrets.append(c.id()).append(": ").append(c.secret()).append('\n');
        }
        Files.writeString(config.resolve("stations.yaml"), stations);
        Files.writeString(config.resolve("station-secrets.yaml"), secrets);
        return config;
    }
}
