package vn.loa.server.playout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import vn.loa.server.ApiClient;
import vn.loa.sim.Faults;
import vn.loa.sim.SimulatedReceiver;

/**
 * The console's live feeds: Server-Sent Events in the viewer's scope, faults within 15 s in the API,
 * the feed and the metrics, a Prometheus scrape that promtool accepts when it is installed.
 */
class LiveFeedsTest extends PlayoutHarness {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void eventsFaultsAndMetrics() throws Exception {
        ApiClient technician = server.as(server.user("ky-thuat-c", "technician", "commune-c"));
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<InputStream> stream = HTTP.send(technician.builder("/api/events").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                r.lines().forEach(lines::add);
            } catch (Exception closed) {
                // the test ended the stream
            }
        });
        reader.setDaemon(true);
        reader.start();

        SimulatedReceiver st15 = connect("st-15", Faults.NONE);
        connect(List.of("st-01"));
        await().atMost(WAIT).until(() -> has(lines, "event: station.online", "\"station\":\"st-15\""));
        st15.device().setSpeakerLineFault(true);
        long faultAt = System.currentTimeMillis();
        await().atMost(Duration.ofSeconds(15)).until(() -> has(lines, "event: fault.raised", "SPEAKER_LINE"));
        assertTrue(System.currentTimeMillis() - faultAt < 15_000);
        assertTrue(technician.get("/api/faults").body().toString().contains("\"kind\":\"SPEAKER_LINE\""));
        long id = broadcast("{\"media\":[\"bulletin.mp3\"],\"targets\":{\"stations\":[\"st-15\",\"st-01\"]}}");
        await().atMost(WAIT).until(() -> has(lines, "event: nowplaying", "\"session\":" + id));
        st15.stop();
        await().atMost(WAIT).until(() -> has(lines, "event: station.offline", "\"station\":\"st-15\""));
        assertTrue(lines.stream().noneMatch(l -> l.contains("\"station\":\"st-01\"")),
                "a technician of commune-c sees nothing of commune-a");

        String metrics = new String(HTTP.send(technician.builder("/metrics").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()).body(), StandardCharsets.UTF_8);
        assertTrue(metrics.contains("loa_faults{kind=\"SPEAKER_LINE\"} 1"), metrics);
        assertTrue(metrics.contains("loa_stations{state=\"online\"} 1"), metrics);
        assertTrue(metrics.contains("loa_event_viewers 1"), metrics);
        assertTrue(metrics.matches("(?s).*loa_audio_frames_sent_total [1-9].*"), metrics);
        assertTrue(metrics.contains("loa_schedule_lateness_seconds_bucket{le=\"+Inf\"}"), metrics);
        assertTrue(metrics.contains("loa_session_events_total{event=\"started\"} 1"), "metrics subscribe to sessions: "
                + metrics);
        assertEquals(401, server.as(null).get("/metrics").status());
        promtoolAccepts(metrics);
    }

    private static boolean has(List<String> lines, String event, String content) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).equals(event) && lines.get(i + 1).contains(content)) {
                return true;
            }
        }
        return false;
    }

    /** promtool is installed by ./test; where it is missing, the format was still checked above. */
    private void promtoolAccepts(String metrics) throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        if (!Files.isExecutable(promtool)) {
            assertTrue(System.getenv("CI") == null, "CI must have promtool");
            return;
        }
        Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        p.getOutputStream().write(metrics.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "promtool check metrics: " + out);
    }
}
