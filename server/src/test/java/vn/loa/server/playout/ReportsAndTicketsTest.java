package vn.loa.server.playout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.loa.server.ApiClient;
import vn.loa.sim.Faults;
import vn.loa.sim.SimulatedReceiver;

/** What the console's reports and listen button rest on: airtime and alert reach from the as-run log, one-use tickets. */
class ReportsAndTicketsTest extends PlayoutHarness {

    @Test
    void airtimeAndAlertReachAreSummedFromWhatAired() {
        connect(List.of("st-01", "st-02", "st-08"));
        long bulletin = broadcast("{\"media\":[\"bulletin.mp3\"],\"targets\":{\"stations\":[\"st-01\",\"st-02\",\"st-08\"]}}");
        awaitEnded(List.of("st-01", "st-02", "st-08"), bulletin, "COMPLETED");
        await().atMost(WAIT).until(() -> server.get("/api/reports/airtime").body().size() == 2);
        JsonNode rows = server.get("/api/reports/airtime?group=month").body();
        JsonNode a = rows.get(0);
        assertEquals("Xã A", a.get("commune").asText());
        assertEquals(2, a.get("sessions").asInt());
        assertEquals(6, a.get("seconds").asLong(), 1.5, "two stations, 3 s each: " + rows);
        assertEquals("Xã B", rows.get(1).get("commune").asText());
        assertEquals(400, server.get("/api/reports/airtime?group=week").status());

        ApiClient officer = server.as(server.user("can-bo-xa-a", "officer", "commune-a"));
        long id = officer.post("/api/alerts", JSON, "{\"title\":\"Lũ\",\"media\":[\"tone.mp3\"],\"targets\":{\"areas\":[\"commune-a\"]}}")
                .body().get("id").asLong();
        long session = officer.post("/api/alerts/" + id + "/live", JSON, "").body().get("sessionId").asLong();
        awaitEnded(List.of("st-01", "st-02"), session, "COMPLETED");
        await().atMost(WAIT).untilAsserted(() -> assertEquals(2, officer.get("/api/reports/alerts").body().get(0).get("reached").asInt(), officer.get("/api/reports/alerts").body().toString() + server.get("/api/asrun?session=" + session).body()));
        JsonNode reach = officer.get("/api/reports/alerts").body().get(0);
        assertEquals(7, reach.get("targeted").asInt());
        assertTrue(reach.get("maxLatencyMs").asLong() < 2_000, reach.toString());
        assertFalse(server.get("/api/reports/faults").body().toString().contains("\"kind\":\"ONLINE\""), "a connection is no fault");
        assertTrue(officer.get("/api/reports/airtime").body().toString().indexOf("Xã B") < 0, "only the officer's area");
    }

    @Test
    void theFaultsReportHoldsFaultsOnlyEachWithWhenItCleared() {
        connect(List.of("st-01"));
        SimulatedReceiver st02 = connect("st-02", Faults.NONE);
        SimulatedReceiver st03 = connect("st-03", Faults.NONE);
        st02.device().setSpeakerLineFault(true);
        st03.stop();
        await().atMost(WAIT).until(() -> server.get("/api/reports/faults").body().size() == 2);
        JsonNode open = server.get("/api/reports/faults").body();
        JsonNode line = kind(open, "FAULT");
        assertEquals("st-02", line.get("station").asText());
        assertEquals("speakerLineFault", line.get("detail").asText());
        assertFalse(line.hasNonNull("clearedAt"), "still on: " + open);
        assertEquals("st-03", kind(open, "OFFLINE").get("station").asText());

        st02.device().setSpeakerLineFault(false);
        await().atMost(WAIT).until(() -> kind(server.get("/api/reports/faults").body(), "FAULT").hasNonNull("clearedAt"));
        JsonNode rows = server.get("/api/reports/faults").body();
        assertEquals(2, rows.size(), "connections, setting changes and recoveries are not faults: " + rows);
        for (JsonNode row : rows) {
            assertTrue(Set.of("FAULT", "OFFLINE").contains(row.get("kind").asText()), rows.toString());
        }
        assertTrue(server.get("/api/stations/st-02/history").body().toString().contains("RECOVERED"), "the history keeps them");
    }

    private static JsonNode kind(JsonNode rows, String kind) {
        for (JsonNode row : rows) {
            if (row.get("kind").asText().equals(kind)) {
                return row;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    @Test
    void aListenTicketOpensOneStreamOnce() throws Exception {
        connect(List.of("st-01"));
        ApiClient technician = server.as(server.user("ky-thuat", "technician", "commune-a"));
        String url = technician.post("/api/stations/st-01/listen", JSON, "").body().get("url").asText();
        assertEquals(403, technician.post("/api/stations/st-09/listen", JSON, "").status());
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest plain = server.as(null).builder(url).GET().build();
        HttpResponse<java.io.InputStream> first = http.send(plain, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, first.statusCode(), "the ticket stands in for the token");
        assertEquals("audio/mpeg", first.headers().firstValue("content-type").orElse(""));
        first.body().close();
        assertEquals(401, server.as(null).send(server.as(null).builder(url).GET()).status(), "a ticket is used once");
        assertEquals(401, server.as(null).send(server.as(null).builder("/listen/st-01?ticket=forged").GET()).status());
    }
}
