package vn.loa.server.playout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.server.ApiClient;
import vn.loa.server.TestServer;

/**
 * The alert workflow end to end with simulated receivers: draft, preview, TEST on the test station
 * only, LIVE with a second officer's confirmation, the target area plays it and no other, cancel stops
 * every receiver within a second and airs the correction, and an alert always expires.
 */
class AlertLifecycleTest extends PlayoutHarness {
    private static final String JSON = "application/json";
    private static final List<String> A_AND_B = ALL.subList(0, 14);
    private static final List<String> C = ALL.subList(14, 20);

    @Test
    void draftTestLiveConfirmCancel() {
        ApiClient first = server.as(server.user("can-bo-huyen-1", "officer", "commune-a", "commune-b"));
        ApiClient second = server.as(server.user("can-bo-huyen-2", "officer", "commune-a", "commune-b"));
        ApiClient operator = server.as(server.user("can-bo-xa", "operator", "commune-a"));
        connect(ALL);

        TestServer.Reply drafted = first.post("/api/alerts", JSON, """
                {"title":"Lũ quét – sơ tán ngay","message":"Nước sông dâng nhanh, sơ tán lên đồi.",
                 "media":["alert.mp3"],"attentionTone":true,"repeat":3,
                 "targets":{"areas":["commune-a","commune-b"]},"correction":["bulletin.mp3"]}""");
        assertEquals(201, drafted.status(), drafted.toString());
        long id = drafted.body().get("id").asLong();
        assertEquals("DRAFT", drafted.body().get("state").asText());
        assertEquals(403, operator.post("/api/alerts", JSON, "{\"title\":\"x\",\"attentionTone\":true,"
                + "\"targets\":{\"areas\":[\"commune-a\"]}}").status(), "operators cannot raise alerts");

        JsonNode preview = first.get("/api/alerts/" + id + "/preview").body();
        assertEquals(14, preview.get("stations").asInt());
        assertEquals(14, preview.get("online").asInt());
        assertEquals("[\"Xã A\",\"Xã B\"]", preview.get("communes").toString());
        assertEquals("[\"st-07\"]", preview.get("testStations").toString());
        assertTrue(preview.get("needsConfirmation").asBoolean());

        TestServer.Reply test = first.post("/api/alerts/" + id + "/test", JSON, "");
        assertEquals(201, test.status(), test.toString());
        assertEquals("TEST", test.body().get("mode").asText());
        long testSession = test.body().get("session").asLong();
        awaitEnded(List.of("st-07"), testSession, "COMPLETED");
        for (String s : ALL) {
            if (!s.equals("st-07")) {
                assertTrue(of(s, "audio_start", testSession).isEmpty(), "the test reached " + s);
            }
        }
        assertTrue(server.get("/api/asrun?session=" + testSession).body().get(0).get("title").asText()
                .startsWith("[THỬ NGHIỆM] "), "a test is marked as one everywhere");

        TestServer.Reply asked = first.post("/api/alerts/" + id + "/live", JSON, "");
        assertEquals(202, asked.status(), asked.toString());
        assertEquals("AWAITING_CONFIRMATION", asked.body().get("state").asText());
        assertTrue(asked.body().get("sessionId").isNull(), "nothing airs before the second officer confirms");
        var own = first.post("/api/alerts/" + id + "/confirm", JSON, "");
        assertEquals(403, own.status(), "nobody confirms their own");
        assertEquals("self_confirmation", own.body().get("code").asText(), own.toString());
        assertEquals(403, operator.post("/api/alerts/" + id + "/confirm", JSON, "").status());
        TestServer.Reply confirmed = second.post("/api/alerts/" + id + "/confirm", JSON, "");
        assertEquals(200, confirmed.status(), confirmed.toString());
        assertEquals("ACTIVE", confirmed.body().get("state").asText());
        assertEquals("can-bo-huyen-2", confirmed.body().get("confirmedBy").asText());
        long live = confirmed.body().get("sessionId").asLong();

        awaitPlaying(A_AND_B, live);
        C.forEach(s -> assertTrue(of(s, "audio_start", live).isEmpty(), "the alert reached " + s + " outside its area"));

        long calledAt = System.currentTimeMillis();
        TestServer.Reply cancelled = first.post("/api/alerts/" + id + "/cancel", JSON, "{\"airCorrection\":true}");
        assertEquals(200, cancelled.status(), cancelled.toString());
        assertEquals("CANCELLED", cancelled.body().get("state").asText());
        awaitEnded(A_AND_B, live, "CANCELLED");
        for (String s : A_AND_B) {
            long took = of(s, "play_end", live).get(0).t() - calledAt;
            assertTrue(took < 1000, s + " stopped " + took + " ms after the cancel");
        }
        long correction = cancelled.body().get("correctionSession").asLong();
        awaitPlaying(A_AND_B, correction);
        assertEquals(409, second.post("/api/alerts/" + id + "/live", JSON, "").status(), "a cancelled alert stays cancelled");
        assertTrue(server.get("/api/audit?action=/api/alerts/" + id).body().size() >= 5, "every step is audited");
    }

    @Test
    void anAlertAlwaysExpires() {
        ApiClient officer = server.as(server.user("can-bo-xa-a", "officer", "commune-a"));
        connect(ALL.subList(0, 7));
        TestServer.Reply drafted = officer.post("/api/alerts", JSON, """
                {"title":"Cảnh báo sạt lở","media":["long.mp3"],"repeat":10,"targets":{"areas":["commune-a"]},
                 "expiresAt":"%s"}""".formatted(Instant.now().plusSeconds(4)));
        long id = drafted.body().get("id").asLong();
        TestServer.Reply live = officer.post("/api/alerts/" + id + "/live", JSON, "");
        assertEquals(200, live.status(), "one commune needs no second officer: " + live);
        long session = live.body().get("sessionId").asLong();
        awaitPlaying(ALL.subList(0, 7), session);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode alert = server.get("/api/alerts/" + id).body();
            assertEquals("EXPIRED", alert.get("state").asText(), alert.toString());
        });
        awaitEnded(ALL.subList(0, 7), session, "CANCELLED");
        assertTrue(Instant.parse(server.get("/api/alerts/" + id).body().get("endedAt").asText())
                .isBefore(Instant.now()), "ended by its expiry, long before its ten repeats");

        assertEquals(400, officer.post("/api/alerts", JSON, "{\"title\":\"x\",\"media\":[\"alert.mp3\"],"
                + "\"targets\":{\"areas\":[\"commune-a\"]},\"expiresAt\":\"2020-01-01T00:00:00Z\"}").status());
        assertEquals(400, officer.post("/api/alerts", JSON, "{\"title\":\"x\",\"targets\":{\"areas\":[\"commune-a\"]}}")
                .status(), "nothing to play");
        assertEquals(403, officer.post("/api/alerts", JSON, "{\"title\":\"x\",\"media\":[\"alert.mp3\"],"
                + "\"targets\":{\"areas\":[\"commune-b\"]}}").status());
    }
}
