package vn.loa.server.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.ApiClient;
import vn.loa.server.TestServer;

/**
 * Every role against every endpoint family: allowed inside its scope, 403 outside it or beyond its
 * role, 401 without a valid token; refusals are audited under the user's name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlTest {
    private static final String JSON = "application/json";
    TestServer server;
    ApiClient operator;
    ApiClient officer;
    ApiClient technician;
    ApiClient nobody;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        server = new TestServer(dir);
        operator = server.as(server.user("op-a", "operator", "commune-a"));
        officer = server.as(server.user("off-ab", "officer", "commune-a", "commune-b"));
        technician = server.as(server.user("tech-c", "technician", "commune-c"));
        nobody = server.as(null);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void withoutAValidTokenOnlyHealthAnswers() {
        assertEquals(200, nobody.get("/api/health").status());
        for (String path : List.of("/api/stations", "/api/broadcasts", "/api/schedules", "/api/media", "/api/playlists",
                "/api/asrun", "/api/sessions", "/api/audit", "/api/users", "/api/me", "/api/areas")) {
            TestServer.Reply reply = nobody.get(path);
            assertEquals(401, reply.status(), path);
            assertTrue(reply.body().get("error").asText().contains("Authorization: Bearer"), path);
        }
        assertEquals(401, nobody.post("/api/broadcasts", JSON, broadcast("commune-a", "NORMAL")).status());
        assertEquals(401, server.as("loa_not-a-token").get("/api/stations").status());
        assertEquals(401, server.as("").get("/api/stations").status());
    }

    @Test
    void anOperatorActsOnlyOnItsCommuneAndBelowEmergency() {
        assertEquals(List.of("operator"), List.of(operator.get("/api/me").body().get("role").asText()));
        assertEquals(7, operator.get("/api/stations").body().size(), "only commune-a's stations are listed");
        assertEquals(200, operator.get("/api/stations/st-01").status());
        assertEquals(403, operator.get("/api/stations/st-08").status());
        assertEquals(403, operator.get("/api/stations/st-08/history").status());
        assertEquals(403, operator.post("/api/stations/st-01/commands", JSON, "{\"command\":\"SET_VOLUME\",\"argument\":5}").status(),
                "operators do not touch devices");

        assertEquals(201, operator.post("/api/broadcasts", JSON, broadcast("commune-a", "PRIORITY")).status());
        TestServer.Reply emergency = operator.post("/api/broadcasts", JSON, broadcast("commune-a", "EMERGENCY"));
        assertEquals(403, emergency.status());
        assertTrue(emergency.body().get("error").asText().contains("EMERGENCY"), emergency.toString());
        TestServer.Reply outside = operator.post("/api/broadcasts", JSON, broadcast("commune-b", "NORMAL"));
        assertEquals(403, outside.status());
        assertTrue(outside.body().get("error").asText().contains("st-08"), outside.toString());
        assertEquals(403, operator.post("/api/broadcasts", JSON,
                "{\"media\":[\"tone.mp3\"],\"targets\":{\"all\":true}}").status(), "'all' reaches beyond the commune");

        assertEquals(201, operator.post("/api/schedules", JSON, schedule("commune-a")).status());
        assertEquals(403, operator.post("/api/schedules", JSON, schedule("commune-c")).status());
        assertEquals(201, server.post("/api/schedules", JSON, schedule("commune-c")).status());
        assertTrue(list(operator.get("/api/schedules").body()).stream()
                .allMatch(s -> s.at("/broadcast/targets/areas/0").asText().equals("commune-a")));
        long others = list(server.get("/api/schedules").body()).stream()
                .filter(s -> s.at("/broadcast/targets/areas/0").asText().equals("commune-c")).findFirst().orElseThrow()
                .get("id").asLong();
        assertEquals(403, operator.delete("/api/schedules/" + others).status());
        assertEquals(403, operator.get("/api/schedules/" + others).status());

        assertEquals(201, operator.post("/api/playlists", JSON,
                "{\"name\":\"xa-a.m3u8\",\"items\":[{\"path\":\"tone.mp3\"}]}").status());
        assertEquals(200, operator.get("/api/media").status());
        assertEquals(403, operator.get("/api/audit").status());
        assertEquals(403, operator.get("/api/users").status());
        assertEquals(403, operator.post("/api/users", JSON, "{\"name\":\"me2\",\"role\":\"admin\"}").status());

        long theirs = server.post("/api/broadcasts", JSON, broadcast("commune-b", "NORMAL")).body().get("id").asLong();
        assertEquals(403, operator.delete("/api/broadcasts/" + theirs).status());
        assertTrue(list(operator.get("/api/broadcasts").body()).stream().noneMatch(b -> b.get("id").asLong() == theirs));
        assertTrue(list(operator.get("/api/asrun").body()).stream()
                .allMatch(e -> TestServer.communeOf(e.get("station").asText()).equals("commune-a")));
    }

    @Test
    void anOfficerMayRaiseAndStopEmergenciesInsideItsAreaOnly() {
        TestServer.Reply alert = officer.post("/api/broadcasts", JSON, broadcast("commune-b", "EMERGENCY"));
        assertEquals(201, alert.status(), alert.toString());
        assertEquals(403, officer.post("/api/broadcasts", JSON, broadcast("commune-c", "EMERGENCY")).status());
        assertEquals(403, officer.post("/api/stations/st-08/commands", JSON, "{\"command\":\"MUTE\",\"argument\":1}").status());
        assertEquals(14, officer.get("/api/stations").body().size());
        long id = alert.body().get("id").asLong();
        assertEquals(403, operator.delete("/api/broadcasts/" + id).status(), "an operator cannot stop an emergency");
        assertEquals(200, officer.delete("/api/broadcasts/" + id).status());
    }

    @Test
    void aTechnicianWorksOnDevicesInItsScopeAndTouchesNoContent() {
        assertEquals(7, technician.get("/api/stations").body().size(), "commune-c's six stations and the disabled one");
        int offline = technician.post("/api/stations/st-15/commands", JSON, "{\"command\":\"SET_VOLUME\",\"argument\":30}").status();
        assertEquals(409, offline, "allowed, and answered: the station is offline");
        assertEquals(403, technician.post("/api/stations/st-01/commands", JSON, "{\"command\":\"SET_VOLUME\",\"argument\":30}").status());
        assertEquals(403, technician.post("/api/broadcasts", JSON, broadcast("commune-c", "NORMAL")).status());
        assertEquals(403, technician.post("/api/schedules", JSON, schedule("commune-c")).status());
        assertEquals(403, technician.post("/api/playlists", JSON, "{\"name\":\"t.m3u8\",\"items\":[{\"path\":\"tone.mp3\"}]}").status());
        assertEquals(200, technician.get("/api/media").status());
        assertEquals(200, technician.get("/api/stations/st-16/history").status());
    }

    @Test
    void refusalsAreAuditedAndUsersCanBeDisabledAndTokensRevoked() {
        // A refusal is answered without waiting for its audit row, which the audit writer commits a
        // moment later: wait for it rather than race it.
        operator.post("/api/broadcasts", JSON, broadcast("commune-a", "EMERGENCY"));
        await().atMost(Duration.ofSeconds(10)).until(() -> list(server.get("/api/audit?actor=op-a").body()).stream()
                .anyMatch(e -> e.get("status").asInt() == 403 && e.get("action").asText().equals("POST /api/broadcasts")));
        nobody.get("/api/users");
        await().atMost(Duration.ofSeconds(10)).until(() -> list(server.get("/api/audit?actor=anonymous").body()).stream()
                .anyMatch(e -> e.get("status").asInt() == 401 && e.get("action").asText().equals("GET /api/users")));

        String spare = server.user("tech-spare", "technician", "commune-c");
        assertEquals(200, server.as(spare).get("/api/me").status());
        assertEquals(200, server.put("/api/users/tech-spare", "{\"role\":\"technician\",\"scopes\":[\"commune-c\"],\"disabled\":true}").status());
        assertEquals(401, server.as(spare).get("/api/me").status(), "a disabled user's tokens stop working at once");
        server.put("/api/users/tech-spare", "{\"role\":\"technician\",\"scopes\":[\"commune-c\"]}");
        assertEquals(200, server.as(spare).get("/api/me").status());
        long tokenId = server.get("/api/users/tech-spare").body().at("/tokens/0/id").asLong();
        assertEquals(200, server.delete("/api/users/tech-spare/tokens/" + tokenId).status());
        assertEquals(401, server.as(spare).get("/api/me").status(), "a revoked token stops working at once");
        String fresh = server.post("/api/users/tech-spare/tokens", JSON, "{\"label\":\"tablet\",\"validDays\":30}").body()
                .get("token").asText();
        assertEquals("tech-spare", server.as(fresh).get("/api/me").body().get("name").asText());
        assertTrue(server.get("/api/users/tech-spare").body().toString().indexOf(fresh) < 0, "tokens are never shown again");

        assertEquals(400, server.post("/api/users", JSON, "{\"name\":\"x\",\"role\":\"operator\",\"scopes\":[\"commune-a\"]}").status());
        assertEquals(400, server.post("/api/users", JSON, "{\"name\":\"op-b\",\"role\":\"operator\"}").status());
        assertEquals(400, server.post("/api/users", JSON, "{\"name\":\"op-b\",\"role\":\"mayor\",\"scopes\":[\"commune-b\"]}").status());
        assertEquals(400, server.post("/api/users", JSON, "{\"name\":\"op-b\",\"role\":\"operator\",\"scopes\":[\"atlantis\"]}").status());
        assertEquals(409, server.post("/api/users", JSON, "{\"name\":\"op-a\",\"role\":\"operator\",\"scopes\":[\"commune-a\"]}").status());
        assertTrue(server.get("/api/audit?action=/api/users").body().toString().contains("\"detail\""));
    }

    private static String broadcast(String area, String priority) {
        return "{\"media\":[\"tone.mp3\"],\"priority\":\"%s\",\"targets\":{\"areas\":[\"%s\"]}}".formatted(priority, area);
    }

    private static String schedule(String area) {
        return """
                {"title":"Tin %s","broadcast":{"media":["tone.mp3"],"targets":{"areas":["%s"]}},
                 "recurrence":{"type":"daily","times":["07:%02d"]},"allowConflicts":true}"""
                .formatted(area, area, Math.abs(area.hashCode() % 60));
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
