package vn.loa.server.playout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.server.ApiClient;
import vn.loa.server.TestServer;

/**
 * What the emergency screen reads from the server: a long rehearsal can be stopped without losing the
 * draft, the reach of a live alert counts playing, targeted and offline stations, the area tree counts
 * each officer's stations per node, and the correction airs under a Vietnamese title.
 */
class AlertOnScreenTest extends PlayoutHarness {
    private static final List<String> A = ALL.subList(0, 7);

    @Test
    void aRehearsalStopsAndTheDraftStays() {
        ApiClient officer = server.as(server.user("can-bo-xa-a", "officer", "commune-a"));
        connect(A);
        long id = officer.post("/api/alerts", JSON, """
                {"title":"Diễn tập","media":["long.mp3"],"repeat":10,"targets":{"areas":["commune-a"]}}""")
                .body().get("id").asLong();
        assertEquals(409, officer.post("/api/alerts/" + id + "/test/stop", JSON, "").status(), "nothing to stop yet");
        long test = officer.post("/api/alerts/" + id + "/test", JSON, "").body().get("session").asLong();
        awaitPlaying(List.of("st-07"), test);
        await().atMost(WAIT).until(() -> officer.get("/api/alerts/" + id + "/reach").body().get("testPlaying").asInt() == 1);

        TestServer.Reply stopped = officer.post("/api/alerts/" + id + "/test/stop", JSON, "");
        assertEquals(200, stopped.status(), stopped.toString());
        assertTrue(stopped.body().get("stopped").asBoolean());
        awaitEnded(List.of("st-07"), test, "CANCELLED");
        assertEquals("DRAFT", officer.get("/api/alerts/" + id).body().get("state").asText(), "the draft stays a draft");
        assertEquals(403, server.as(server.user("van-hanh", "operator", "commune-a"))
                .post("/api/alerts/" + id + "/test/stop", JSON, "").status(), "operators cannot touch alerts");
    }

    @Test
    void reachCountsPlayingTargetedAndOffline() {
        ApiClient officer = server.as(server.user("can-bo-xa-a", "officer", "commune-a"));
        connect(A.subList(0, 6)); // st-07 stays offline
        long id = officer.post("/api/alerts", JSON, """
                {"title":"Lũ quét","media":["long.mp3"],"repeat":3,"targets":{"areas":["commune-a"]},
                 "correction":["bulletin.mp3"]}""").body().get("id").asLong();
        long live = officer.post("/api/alerts/" + id + "/live", JSON, "").body().get("sessionId").asLong();
        awaitPlaying(A.subList(0, 6), live);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode reach = officer.get("/api/alerts/" + id + "/reach").body();
            assertEquals(7, reach.get("targeted").asInt(), reach.toString());
            assertEquals(6, reach.get("playing").asInt(), reach.toString());
            assertEquals(1, reach.get("offline").asInt(), reach.toString());
            assertEquals(3, reach.get("repeat").asInt());
            assertEquals(1, reach.get("repeatNow").asInt());
            assertEquals("Xã A", reach.get("stations").get(0).get("commune").asText());
        });
        assertEquals(403, server.as(server.user("xa-c", "officer", "commune-c")).get("/api/alerts/" + id + "/reach")
                .status(), "an officer elsewhere does not see it");

        long correction = officer.post("/api/alerts/" + id + "/cancel", JSON, "{\"airCorrection\":true}").body()
                .get("correctionSession").asLong();
        awaitPlaying(A.subList(0, 6), correction);
        String title = server.get("/api/asrun?session=" + correction).body().get(0).get("title").asText();
        assertEquals("Đính chính: Lũ quét", title, "the correction airs under a Vietnamese title");
        assertFalse(title.toLowerCase().contains("correction"));
    }

    @Test
    void theAreaTreeCountsAnOfficersStations() {
        ApiClient officer = server.as(server.user("can-bo-huyen", "officer", "commune-a", "commune-b"));
        connect(A);
        JsonNode tree = officer.get("/api/areas/tree").body();
        assertEquals(1, tree.size(), tree.toString());
        JsonNode province = tree.get(0);
        assertEquals(14, province.get("stations").asInt(), "commune-c is not theirs: " + tree);
        assertEquals(7, province.get("online").asInt());
        List<String> communes = new java.util.ArrayList<>();
        collect(province, "commune", communes);
        assertEquals(List.of("Xã A 7", "Xã B 7"), communes, tree.toString());
        assertEquals(21 - 1, count(server.get("/api/areas/tree").body().get(0)), "the admin sees every enabled station");
    }

    private static void collect(JsonNode node, String level, List<String> out) {
        if (level.equals(node.get("level").asText())) {
            out.add(node.get("name").asText() + " " + node.get("stations").asInt());
        }
        node.get("children").forEach(c -> collect(c, level, out));
    }

    private static int count(JsonNode node) {
        return node.get("stations").asInt();
    }
}
