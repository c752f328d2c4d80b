package vn.loa.server.playout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.server.ApiClient;
import vn.loa.server.TestClips;

/**
 * GET /listen/{station}: plain audio/mpeg of whatever the station plays, following a preemption;
 * the recording decodes cleanly with ffmpeg and contains the alert's own frames.
 */
class ListenInTest extends PlayoutHarness {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aTechnicianHearsTheStationAndTheAlertThatCutsIn() throws Exception {
        connect(List.of("st-03"));
        ApiClient technician = server.as(server.user("ky-thuat-a", "technician", "commune-a"));
        assertEquals(403, technician.send(technician.builder("/listen/st-15").GET()).status());
        assertEquals(404, technician.send(technician.builder("/listen/st-99").GET()).status());
        assertEquals(401, server.as(null).send(server.as(null).builder("/listen/st-03").GET()).status());

        HttpResponse<InputStream> stream = HTTP.send(technician.builder("/listen/st-03").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        assertEquals("audio/mpeg", stream.headers().firstValue("content-type").orElse(""));
        ByteArrayOutputStream heard = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            byte[] buf = new byte[4096];
            try (InputStream in = stream.body()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (heard) {
                        heard.write(buf, 0, n);
                    }
                }
            } catch (Exception closed) {
                // the test is over
            }
        });
        reader.setDaemon(true);
        reader.start();

        long bulletin = broadcast("{\"media\":[\"long.mp3\"],\"targets\":{\"stations\":[\"st-03\"]}}");
        awaitPlaying(List.of("st-03"), bulletin);
        long alert = broadcast("{\"media\":[\"alert.mp3\"],\"priority\":\"EMERGENCY\",\"targets\":{\"stations\":[\"st-03\"]}}");
        awaitEnded(List.of("st-03"), alert, "COMPLETED");
        byte[] alertBytes = Files.readAllBytes(dir.resolve("media").resolve("alert.mp3"));
        byte[] middle = Arrays.copyOfRange(alertBytes, alertBytes.length / 2, alertBytes.length / 2 + 400);
        await().atMost(WAIT).until(() -> contains(snapshot(heard), middle));
        Path recording = dir.resolve("listen.mp3");
        Files.write(recording, snapshot(heard));

        Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-i", recording.toString(), "-f", "null", "-")
                .redirectErrorStream(true).start();
        String errors = new String(ffmpeg.getInputStream().readAllBytes());
        assertEquals(0, ffmpeg.waitFor(), errors);
        assertTrue(errors.isBlank(), "ffmpeg found problems: " + errors);
        assertTrue(snapshot(heard).length > TestClips.ALERT_FRAMES * 100, "bulletin and alert both streamed");

        // A media player that cannot send headers puts the token in the URL, as VLC and ffplay users do.
        String token = server.user("ky-thuat-b", "technician", "commune-a");
        broadcast("{\"media\":[\"long.mp3\"],\"targets\":{\"stations\":[\"st-03\"]}}");
        String url = technician.builder("/listen/st-03").build().uri().toString()
                .replace("://", "://ky-thuat-b:" + token + "@");
        Process player = new ProcessBuilder("ffmpeg", "-v", "error", "-rw_timeout", "15000000", "-i", url, "-t", "1.5",
                "-f", "null", "-").redirectErrorStream(true).start();
        String playerErrors = new String(player.getInputStream().readAllBytes());
        assertEquals(0, player.waitFor(), playerErrors);
    }

    private static byte[] snapshot(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toByteArray();
        }
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
