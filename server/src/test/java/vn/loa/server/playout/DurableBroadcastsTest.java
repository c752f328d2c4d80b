package vn.loa.server.playout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import vn.loa.server.ApiClient;
import vn.loa.server.TestServer;
import vn.loa.sim.DeviceSimulator;

/**
 * Sessions journaled before they air, with real (simulated) receivers: a timed broadcast is answered
 * at once, listed and cancellable until its time, then airs on time; a request too big for the old
 * journal column is journaled, not aired behind the journal's back; an alert ends with its session
 * as the event arrives, not at the next poll.
 */
class DurableBroadcastsTest extends PlayoutHarness {
    private static final List<String> COMMUNE_A = ALL.subList(0, 7);
    private static final List<String> COMMUNE_B = ALL.subList(7, 14);

    @Test
    void aTimedBroadcastIsAnsweredAtOnceListedCancellableAndAirsOnTime() {
        connect(ALL.subList(0, 14));
        ApiClient communeB = server.as(server.user("can-bo-xa-b", "operator", "commune-b"));
        Instant at = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.MILLIS);
        long calledAt = System.currentTimeMillis();
        TestServer.Reply held = server.post("/api/broadcasts", JSON, timed("Họp dân", "commune-a", at));
        assertEquals(201, held.status(), held.toString());
        assertTrue(System.currentTimeMillis() - calledAt < 2_000, "answered at once, not held open until air time");
        assertEquals("HELD", held.body().get("state").asText());
        assertEquals(at.toString(), held.body().get("at").asText());
        long id = held.body().get("id").asLong();
        long cancelled = server.post("/api/broadcasts", JSON, timed("Hủy họp", "commune-b", at)).body().get("id").asLong();

        JsonNode listed = find(server.get("/api/broadcasts").body(), id);
        assertEquals("HELD", listed.get("state").asText(), listed.toString());
        assertEquals(at, Instant.parse(listed.get("airAt").asText()));
        assertEquals(COMMUNE_A, mapText(listed.get("waiting")), "its stations are listed as waiting for it");
        JsonNode journaled = find(server.get("/api/sessions").body(), id);
        assertEquals("PENDING", journaled.get("state").asText(), "journaled before its 201: " + journaled);
        assertEquals(at, Instant.parse(journaled.get("audibleAt").asText()));

        assertEquals(403, communeB.delete("/api/broadcasts/" + id).status(), "commune-b cannot cancel commune-a's");
        assertEquals(200, communeB.delete("/api/broadcasts/" + cancelled).status(), "but may cancel its own before air");
        assertEquals(404, communeB.delete("/api/broadcasts/" + cancelled).status(), "a cancelled one is gone");
        await().atMost(WAIT).untilAsserted(() -> assertEquals("CANCELLED",
                find(server.get("/api/sessions").body(), cancelled).get("state").asText()));

        awaitPlaying(COMMUNE_A, id);
        for (String s : COMMUNE_A) {
            long heard = of(s, "play_start", id).get(0).t();
            assertTrue(Math.abs(heard - at.toEpochMilli()) < 1_000, s + " started " + (heard - at.toEpochMilli())
                    + " ms from its air time");
        }
        await().atMost(WAIT).untilAsserted(() -> assertEquals("ACTIVE",
                find(server.get("/api/sessions").body(), id).get("state").asText()));
        COMMUNE_B.forEach(s -> assertTrue(of(s, "play_start", cancelled).isEmpty(), s + " aired a cancelled broadcast"));
    }

    @Test
    void aRequestOver64KiBIsJournaledBeforeItAirs() throws Exception {
        // The edge refuses JSON over 64 KiB by default; an operator may raise that limit, and then the
        // journal, not a column limit discovered after air, decides what can be held.
        sim.close();
        server.close();
        server = new TestServer(dir.resolve("raised"), null, "none", "http:\n  maxJsonBodyBytes: 1048576\n");
        sim = new DeviceSimulator(server.receiverAddress(), events.log(), 0,
                DeviceSimulator.DEFAULT_FIRMWARE, recordings);
        connect(List.of("st-01"));
        StringBuilder stations = new StringBuilder();
        for (int i = 0; i < 9_000; i++) {
            stations.append(i == 0 ? "" : ",").append("\"st-01\"");
        }
        String body = "{\"media\":[\"tone.mp3\"],\"title\":\"Thông báo dài\",\"targets\":{\"stations\":[" + stations + "]}}";
        assertTrue(body.length() > 64 * 1024);
        TestServer.Reply reply = server.post("/api/broadcasts", JSON, body);
        assertEquals(201, reply.status(), "no 500 after it went on air: " + reply);
        long id = reply.body().get("id").asLong();
        assertEquals("Thông báo dài", find(server.get("/api/sessions").body(), id).get("title").asText(),
                "what airs is journaled");
        awaitPlaying(List.of("st-01"), id);
    }

    @Test
    void anAlertEndsAsItsSessionEndsNotAtTheNextPoll() {
        connect(COMMUNE_A);
        ApiClient officer = server.as(server.user("can-bo-xa-a", "officer", "commune-a"));
        long alert = officer.post("/api/alerts", JSON, """
                {"title":"Còi thử","attentionTone":true,"targets":{"areas":["commune-a"]}}""").body().get("id").asLong();
        TestServer.Reply live = officer.post("/api/alerts/" + alert + "/live", JSON, "");
        assertEquals(200, live.status(), live.toString());
        long session = live.body().get("sessionId").asLong();
        awaitEnded(COMMUNE_A, session, "COMPLETED");
        await().atMost(WAIT).until(() -> server.get("/api/alerts/" + alert).body().get("state").asText().equals("ENDED"));

        Instant endedAt = Instant.parse(server.get("/api/alerts/" + alert).body().get("endedAt").asText());
        Instant lastStation = StreamSupport.stream(server.get("/api/asrun?session=" + session).body().spliterator(), false)
                .filter(e -> e.get("event").asText().equals("COMPLETED"))
                .map(e -> Instant.parse(e.get("time").asText())).max(Instant::compareTo).orElseThrow();
        long lag = Duration.between(lastStation, endedAt).toMillis();
        assertTrue(lag < 400, "the alert ended " + lag + " ms after its session; a once-a-second poll lags up to 1,000");
    }

    private static String timed(String title, String area, Instant at) {
        return "{\"title\":\"" + title + "\",\"media\":[\"bulletin.mp3\"],\"targets\":{\"areas\":[\"" + area
                + "\"]},\"at\":\"" + at + "\"}";
    }

    private static JsonNode find(JsonNode list, long id) {
        return StreamSupport.stream(list.spliterator(), false).filter(n -> n.get("id").asLong() == id).findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " in " + list));
    }

    private static List<String> mapText(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
