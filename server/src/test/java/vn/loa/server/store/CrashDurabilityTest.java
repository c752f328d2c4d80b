package vn.loa.server.store;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.loa.server.TestConfig;

/**
 * The server as a real child process, killed with SIGKILL straight after acknowledging a run of
 * broadcasts, then started again on the same data: every entry it acknowledged must still be there.
 */
class CrashDurabilityTest {
    private static final Pattern HTTP_PORT = Pattern.compile("HTTP API listening on http://[^:]+:(\\d+)/");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SESSIONS = 25;
    private static final int STATIONS = 20;
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    static List<String> kinds() {
        return Databases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyAcknowledgedAsRunEntrySurvivesSigkill(String kind) throws Exception {
        Path config = TestConfig.write(dir, Databases.fresh(kind, dir));
        Process first = startServer(config, dir.resolve("first.log"));
        int port = httpPort(dir.resolve("first.log"), first);
        List<Long> acknowledged = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/broadcasts")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                    .ofString("{\"media\":[\"tone.mp3\"],\"targets\":{\"all\":true}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, reply.statusCode(), reply.body());
            acknowledged.add(JSON.readTree(reply.body()).get("id").asLong());
        }
        first.destroyForcibly();
        assertEquals(true, first.waitFor(10, TimeUnit.SECONDS));
        assertEquals(137, first.exitValue(), "killed by SIGKILL, not shut down");

        Process second = startServer(config, dir.resolve("second.log"));
        try {
            int port2 = httpPort(dir.resolve("second.log"), second);
            for (long session : acknowledged) {
                JsonNode entries = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port2
                        + "/api/asrun?session=" + session)).build(), HttpResponse.BodyHandlers.ofString()).body());
                // A 201 acknowledges each station's first entry (STARTED, or QUEUED behind an earlier tone);
                // later ones (a queued session starting, a tone completing) may or may not precede the kill.
                long stationsWithFirstEntry = StreamSupport.stream(entries.spliterator(), false)
                        .filter(e -> e.get("event").asText().equals("STARTED") || e.get("event").asText().equals("QUEUED"))
                        .map(e -> e.get("station").asText()).distinct().count();
                assertEquals(STATIONS, stationsWithFirstEntry, "session " + session + " lost as-run entries: " + entries);
            }
        } finally {
            second.destroy();
            second.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process startServer(Path config, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "vn.loa.server.Main",
                "--config", config.toString(), "--data", dir.resolve("data").toString(),
                "--receiver-port", "0", "--http-port", "0")
                .directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static int httpPort(Path log, Process process) {
        int[] port = {0};
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("server exited: " + Files.readString(log));
            }
            Matcher m = HTTP_PORT.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (m.find()) {
                port[0] = Integer.parseInt(m.group(1));
            }
            return port[0] != 0;
        });
        return port[0];
    }
}
