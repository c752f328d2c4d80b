package vn.loa.server.playout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.server.TestServer;
import vn.loa.sim.DeviceSimulator;

/** Every kind of bad broadcast request is refused with a reason, and nothing reaches a receiver. */
class BroadcastsApiTest extends PlayoutHarness {

    @Test
    void badRequestsAreRefusedWithTheirReason() {
        connect(List.of("st-01"));
        refused("{\"media\":[\"nope.mp3\"],\"targets\":{\"all\":true}}", "media 'nope.mp3': nope.mp3 is not in the media library");
        refused("{\"media\":[\"broken.mp3\"],\"targets\":{\"all\":true}}", "media 'broken.mp3': broken.mp3 was rejected: truncated");
        refused("{\"media\":[\"bulletin.mp3\",\"other-rate.mp3\"],\"targets\":{\"all\":true}}", "other-rate.mp3 is 44100 Hz");
        refused("{\"media\":[\"bulletin.mp3\"],\"playlist\":\"x.m3u8\",\"targets\":{\"all\":true}}", "either 'media'");
        refused("{\"targets\":{\"all\":true}}", "either 'media'");
        refused("{\"media\":[\"bulletin.mp3\"]}", "targets must name");
        refused("{\"media\":[\"bulletin.mp3\"],\"targets\":{\"areas\":[\"atlantis\"]}}", "area 'atlantis' does not exist");
        refused("{\"media\":[\"bulletin.mp3\"],\"targets\":{\"stations\":[\"st-99\"]}}", "station 'st-99' does not exist");
        refused("{\"media\":[\"bulletin.mp3\"],\"targets\":{\"stations\":[\"st-off\"]}}", "no enabled station");
        refused("{\"media\":[\"bulletin.mp3\"],\"targets\":{\"all\":true},\"priority\":\"URGENT\"}", "priority must be one of");
        refused("{\"media\":[\"bulletin.mp3\"],\"targets\":{\"all\":true},\"onPreempt\":\"PAUSE\"}", "onPreempt must be one of");
        refused("{\"media\":[\"bulletin.mp3\"],\"targets\":{\"all\":true},\"repeat\":0}", "repeat must be 1..10");
        refused("{\"media\":[\"bulletin.mp3\"],\"targets\":{\"all\":true},\"resumeDeadline\":\"tomorrow\"}", "ISO-8601");
        refused("{\"media\":[\"bulletin.mp3\"],\"targets\":{\"all\":true},\"volume\":3}", "unknown field 'volume'");
        refused("{\"playlist\":\"missing.m3u8\",\"targets\":{\"all\":true}}", "playlist 'missing.m3u8' does not exist");
        assertEquals(400, server.delete("/api/broadcasts/abc").status());
        assertEquals(404, server.delete("/api/broadcasts/42").status());
        assertTrue(events.of("st-01", "audio_start").isEmpty(), "nothing reached the receiver");
        assertEquals(0, server.get("/api/broadcasts").body().size());
    }

    @Test
    void libraryListsAcceptedAndRejectedFilesWithReasons() {
        JsonNode media = server.get("/api/media").body();
        JsonNode broken = null;
        JsonNode bulletin = null;
        for (JsonNode m : media) {
            if (m.get("path").asText().equals("broken.mp3")) {
                broken = m;
            } else if (m.get("path").asText().equals("bulletin.mp3")) {
                bulletin = m;
            }
        }
        assertTrue(broken != null && !broken.get("accepted").asBoolean());
        assertTrue(broken.get("reason").asText().startsWith("truncated"), broken.toString());
        assertTrue(bulletin != null && bulletin.get("accepted").asBoolean());
        assertEquals(3001, bulletin.get("durationMs").asLong(), 30);
        assertEquals(22_050, bulletin.get("sampleRate").asInt());
    }

    @Test
    void asRunLogIsDurableAcrossARestart() throws Exception {
        connect(List.of("st-01"));
        long id = broadcast("{\"media\":[\"tone.mp3\"],\"targets\":{\"stations\":[\"st-01\"]}}");
        awaitEnded(List.of("st-01"), id, "COMPLETED");
        awaitAsRun("st-01", id, "STARTED", "COMPLETED");
        sim.close();
        server.close();
        server = new TestServer(dir);
        sim = new DeviceSimulator(server.receiverAddress(), events.log());
        assertEquals(List.of("STARTED", "COMPLETED"), asRunEvents("st-01", id));
        JsonNode entry = server.get("/api/asrun?session=" + id).body().get(0);
        assertEquals("tone.mp3", entry.get("item").asText());
        assertEquals("NORMAL", entry.get("priority").asText());
        assertEquals(0, server.get("/api/asrun?station=st-01&from=2999-01-01T00:00:00Z").body().size());
        assertEquals(TestServer.STATIONS, TestServer.credentials().size());
    }

    private void refused(String body, String reason) {
        TestServer.Reply reply = server.post("/api/broadcasts", JSON, body);
        assertEquals(400, reply.status(), body + " -> " + reply);
        assertTrue(reply.body().get("error").asText().contains(reason), body + " -> " + reply.body());
    }
}
