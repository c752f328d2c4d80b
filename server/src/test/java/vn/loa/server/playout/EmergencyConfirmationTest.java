package vn.loa.server.playout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import vn.loa.server.ApiClient;
import vn.loa.server.TestServer;

/**
 * The two-person rule whatever the entry point: one officer's EMERGENCY over two communes through
 * POST /api/broadcasts or /api/schedules answers 202 and nothing airs, nor is any entry made, until a
 * different officer whose scope covers it confirms; nobody confirms their own.
 */
class EmergencyConfirmationTest extends PlayoutHarness {
    private static final List<String> A_AND_B = ALL.subList(0, 14);
    private static final String DISTRICT_EMERGENCY = """
            {"media":["alert.mp3"],"targets":{"areas":["commune-a","commune-b"]},"priority":"EMERGENCY"}""";

    @Test
    void oneOfficersDistrictWideEmergencyBroadcastAirsOnlyOnceASecondOfficerConfirms() {
        ApiClient first = server.as(server.user("huyen-1", "officer", "commune-a", "commune-b"));
        ApiClient second = server.as(server.user("huyen-2", "officer", "commune-a", "commune-b"));
        ApiClient communeOfficer = server.as(server.user("xa-a", "officer", "commune-a"));
        ApiClient elsewhere = server.as(server.user("xa-c", "officer", "commune-c"));
        connect(A_AND_B);

        TestServer.Reply asked = first.post("/api/broadcasts", JSON, DISTRICT_EMERGENCY);
        assertEquals(202, asked.status(), asked.toString());
        JsonNode pending = asked.body();
        long id = pending.get("id").asLong();
        assertEquals("AWAITING_CONFIRMATION", pending.get("state").asText());
        assertEquals("BROADCAST", pending.get("kind").asText());
        assertEquals(14, pending.get("stations").asInt());
        assertEquals("[\"Xã A\",\"Xã B\"]", pending.get("communes").toString());
        assertEquals("huyen-1", pending.get("requestedBy").asText());
        nothingAirs();
        assertEquals(0, server.get("/api/broadcasts").body().size(), "no session exists before confirmation");

        refused(first.post("/api/confirmations/" + id + "/confirm", JSON, ""), 403, "self_confirmation");
        refused(communeOfficer.post("/api/confirmations/" + id + "/confirm", JSON, ""), 403, "outside_scope");
        assertEquals(1, ids(second.get("/api/confirmations")).stream().filter(i -> i == id).count());
        assertTrue(ids(elsewhere.get("/api/confirmations")).isEmpty(), "commune-c's officer does not see it");
        nothingAirs();

        TestServer.Reply confirmed = second.post("/api/confirmations/" + id + "/confirm", JSON, "");
        assertEquals(200, confirmed.status(), confirmed.toString());
        assertEquals("CONFIRMED", confirmed.body().get("state").asText());
        assertEquals("huyen-2", confirmed.body().get("decidedBy").asText());
        long session = confirmed.body().get("result").asLong();
        awaitPlaying(A_AND_B, session);
        refused(second.post("/api/confirmations/" + id + "/confirm", JSON, ""), 409, "not_awaiting_confirmation");

        await().atMost(WAIT).untilAsserted(() -> {
            List<JsonNode> audit = list(server.get("/api/audit?action=/api/").body());
            assertTrue(audit.stream().anyMatch(e -> e.get("actor").asText().equals("huyen-1")
                    && e.get("action").asText().equals("POST /api/broadcasts") && e.get("status").asInt() == 202
                    && e.get("target").asText().equals(String.valueOf(id))), "the request is audited");
            assertTrue(audit.stream().anyMatch(e -> e.get("actor").asText().equals("huyen-2")
                    && e.get("action").asText().equals("POST /api/confirmations/" + id + "/confirm")
                    && e.get("status").asInt() == 200), "the confirmation is audited");
        });
    }

    @Test
    void aRejectedRequestNeverAirsAndOneCommuneNeedsNoSecondOfficer() {
        ApiClient first = server.as(server.user("huyen-1", "officer", "commune-a", "commune-b"));
        ApiClient second = server.as(server.user("huyen-2", "officer", "commune-a", "commune-b"));
        connect(A_AND_B);
        long id = first.post("/api/broadcasts", JSON, DISTRICT_EMERGENCY).body().get("id").asLong();
        TestServer.Reply rejected = second.post("/api/confirmations/" + id + "/reject", JSON, "");
        assertEquals("REJECTED", rejected.body().get("state").asText(), rejected.toString());
        refused(second.post("/api/confirmations/" + id + "/confirm", JSON, ""), 409, "not_awaiting_confirmation");
        nothingAirs();
        refused(first.post("/api/broadcasts", JSON, DISTRICT_EMERGENCY.replace("\"priority\"",
                "\"at\":\"" + java.time.Instant.now().plusSeconds(600) + "\",\"priority\"")), 400,
                "confirmation_cannot_be_timed");

        TestServer.Reply oneCommune = first.post("/api/broadcasts", JSON, """
                {"media":["alert.mp3"],"targets":{"areas":["commune-a"]},"priority":"EMERGENCY"}""");
        assertEquals(201, oneCommune.status(), oneCommune.toString());
        awaitPlaying(ALL.subList(0, 7), oneCommune.body().get("id").asLong());
    }

    @Test
    void anEmergencyScheduleOverTwoCommunesIsMadeOnlyOnConfirmationAndThenAirs() {
        ApiClient first = server.as(server.user("huyen-1", "officer", "commune-a", "commune-b"));
        ApiClient second = server.as(server.user("huyen-2", "officer", "commune-a", "commune-b"));
        connect(A_AND_B);
        ZonedDateTime at = ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
        TestServer.Reply asked = first.post("/api/schedules", JSON, """
                {"title":"Còi báo lũ","broadcast":%s,"recurrence":{"type":"once","at":"%s"}}"""
                .formatted(DISTRICT_EMERGENCY, at.toLocalDateTime()));
        assertEquals(202, asked.status(), asked.toString());
        assertEquals("SCHEDULE", asked.body().get("kind").asText());
        long id = asked.body().get("id").asLong();
        assertEquals(0, server.get("/api/schedules").body().size(), "no entry exists before confirmation");
        refused(first.post("/api/confirmations/" + id + "/confirm", JSON, ""), 403, "self_confirmation");

        TestServer.Reply confirmed = second.post("/api/confirmations/" + id + "/confirm", JSON, "");
        assertEquals(200, confirmed.status(), confirmed.toString());
        long entry = confirmed.body().get("result").asLong();
        assertEquals("Còi báo lũ", server.get("/api/schedules/" + entry).body().get("title").asText());
        await().atMost(WAIT).until(() -> A_AND_B.stream().allMatch(s -> !events.of(s, "play_start").isEmpty()));
    }

    @Test
    void turningAnExistingEntryIntoADistrictEmergencyWaitsToo() {
        ApiClient first = server.as(server.user("huyen-1", "officer", "commune-a", "commune-b"));
        ApiClient second = server.as(server.user("huyen-2", "officer", "commune-a", "commune-b"));
        String normal = """
                {"title":"Tin sáng","broadcast":{"media":["tone.mp3"],"targets":{"areas":["commune-a","commune-b"]}},
                 "recurrence":{"type":"daily","times":["05:30"]},"allowConflicts":true}""";
        TestServer.Reply made = first.post("/api/schedules", JSON, normal);
        assertEquals(201, made.status(), made.toString());
        long entry = made.body().get("id").asLong();
        TestServer.Reply asked = first.put("/api/schedules/" + entry, normal.replace("\"media\"", "\"priority\":\"EMERGENCY\",\"media\""));
        assertEquals(202, asked.status(), asked.toString());
        assertEquals("NORMAL", server.get("/api/schedules/" + entry).body().at("/broadcast/priority").asText("NORMAL"),
                "the entry is unchanged until confirmed");
        TestServer.Reply confirmed = second.post("/api/confirmations/" + asked.body().get("id").asLong() + "/confirm", JSON, "");
        assertEquals(200, confirmed.status(), confirmed.toString());
        assertEquals(entry, confirmed.body().get("result").asLong());
        assertEquals("EMERGENCY", server.get("/api/schedules/" + entry).body().at("/broadcast/priority").asText());
    }

    private void nothingAirs() {
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() ->
                A_AND_B.stream().allMatch(s -> events.of(s, "audio_start").isEmpty()));
    }

    private static void refused(TestServer.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.toString());
        assertEquals(code, reply.body().get("code").asText(), reply.toString());
    }

    private static List<Long> ids(TestServer.Reply reply) {
        return list(reply.body()).stream().map(n -> n.get("id").asLong()).toList();
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
