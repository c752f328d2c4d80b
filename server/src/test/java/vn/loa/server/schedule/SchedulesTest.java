package vn.loa.server.schedule;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.loa.server.SimEvents;
import vn.loa.server.TestServer;
import vn.loa.server.store.Databases;
import vn.loa.sim.DeviceSimulator;
import vn.loa.sim.SimEvent;

/** Schedule entries through the API: they air at their time, survive a restart, and bad ones are refused. */
class SchedulesTest {
    private static final String JSON = "application/json";
    private static final String BROADCAST = "{\"media\":[\"tone.mp3\"],\"targets\":{\"areas\":[\"commune-a\"]}}";

    @TempDir
    Path dir;

    static List<String> kinds() {
        return Databases.kinds();
    }

    @Test
    void oneShotEntryIsHeardWithin100MsOfItsInstantEvenOverALowerClassBulletin(TestReporter reporter) throws Exception {
        try (TestServer server = new TestServer(dir)) {
            SimEvents events = new SimEvents();
            try (DeviceSimulator sim = new DeviceSimulator(server.receiverAddress(), events.log())) {
                sim.add(TestServer.credentials("st-01"));
                sim.add(TestServer.credentials("st-08"));
                await().atMost(Duration.ofSeconds(10)).until(() -> server.online("st-01") && server.online("st-08"));
                assertEquals(201, server.post("/api/broadcasts", JSON, """
                        {"media":["long.mp3"],"targets":{"stations":["st-01"]},"priority":"BACKGROUND"}""").status());
                await().atMost(Duration.ofSeconds(10)).until(() -> !events.of("st-01", "play_start").isEmpty());
                ZonedDateTime at = ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
                TestServer.Reply created = server.post("/api/schedules", JSON, """
                        {"title":"Chuông thử","broadcast":%s,"recurrence":{"type":"once","at":"%s"}}"""
                        .formatted(BROADCAST, at.toLocalDateTime()));
                assertEquals(201, created.status(), created.toString());
                assertEquals(at.toInstant(), Instant.parse(created.body().get("nextFire").asText()));
                await().atMost(Duration.ofSeconds(10)).until(() -> events.of("st-01", "play_start").size() == 2);
                SimEvent start = events.of("st-01", "play_start").get(1);
                assertEquals("Chuông thử", start.field("title"));
                long lateMs = start.t() - at.toInstant().toEpochMilli();
                reporter.publishEntry("audibleMsFromScheduledInstant", String.valueOf(lateMs));
                System.out.println("schedule: audible " + lateMs + " ms from its scheduled instant");
                assertTrue(Math.abs(lateMs) <= 100, "audible " + lateMs + " ms from its scheduled instant");
                assertTrue(events.of("st-08", "play_start").isEmpty(), "st-08 is not in commune-a");
                long id = created.body().get("id").asLong();
                assertTrue(server.get("/api/schedules/" + id).body().get("nextFire").isNull(), "a one-shot fires once");
                assertEquals(200, server.delete("/api/schedules/" + id).status());
                assertEquals(404, server.get("/api/schedules/" + id).status());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void entriesAndTheirNextTimesSurviveARestart(String kind) throws Exception {
        String db = Databases.fresh(kind, dir);
        JsonNode created;
        try (TestServer server = new TestServer(dir, db)) {
            TestServer.Reply reply = server.post("/api/schedules", JSON, """
                    {"title":"Thời sự sáng và chiều","broadcast":%s,
                     "recurrence":{"type":"weekly","days":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY"],
                                   "times":["06:00","17:30"]}}""".formatted(BROADCAST));
            assertEquals(201, reply.status(), reply.toString());
            created = reply.body();
            ZonedDateTime next = Instant.parse(created.get("nextFire").asText()).atZone(ZoneId.of("Asia/Ho_Chi_Minh"));
            assertTrue(next.getDayOfWeek().getValue() <= 6, "never on Sunday: " + next);
            assertTrue(next.toLocalTime().toString().equals("06:00") || next.toLocalTime().toString().equals("17:30"), next.toString());
        }
        try (TestServer restarted = new TestServer(dir, db)) {
            JsonNode list = restarted.get("/api/schedules").body();
            assertEquals(1, list.size());
            assertEquals(created.get("nextFire"), list.get(0).get("nextFire"));
            assertEquals("Thời sự sáng và chiều", list.get(0).get("title").asText());
            assertEquals("weekly", list.get(0).at("/recurrence/type").asText());
        }
    }

    @Test
    void upcomingListsConcreteAiringsForACalendar() throws Exception {
        try (TestServer server = new TestServer(dir)) {
            assertEquals(201, server.post("/api/schedules", JSON, """
                    {"title":"Thời sự","broadcast":%s,
                     "recurrence":{"type":"weekly","days":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY"],
                                   "times":["06:00","17:30"]}}""".formatted(BROADCAST)).status());
            assertEquals(201, server.post("/api/schedules", JSON, """
                    {"title":"Trưa","broadcast":{"media":["tone.mp3"],"targets":{"areas":["commune-b"]}},
                     "recurrence":{"type":"daily","times":["12:00"]}}""").status());
            ZoneId vietnam = ZoneId.of("Asia/Ho_Chi_Minh");
            ZonedDateTime monday = ZonedDateTime.now(vietnam).toLocalDate().plusDays(1)
                    .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)).atStartOfDay(vietnam);
            String window = "from=" + monday.toInstant() + "&to=" + monday.plusDays(7).toInstant();
            JsonNode a = server.get("/api/schedules/upcoming?" + window + "&station=st-01").body();
            assertEquals(12, a.size(), a.toString());
            for (JsonNode o : a) {
                assertEquals("Thời sự", o.get("title").asText());
                String time = o.get("local").asText().substring(11, 16);
                assertTrue(time.equals("06:00") || time.equals("17:30"), o.toString());
            }
            assertEquals(7, server.get("/api/schedules/upcoming?" + window + "&station=st-08").body().size());
            JsonNode all = server.get("/api/schedules/upcoming?" + window).body();
            assertEquals(19, all.size());
            assertTrue(Instant.parse(all.get(0).get("at").asText()).isBefore(Instant.parse(all.get(18).get("at").asText())));
            assertEquals(400, server.get("/api/schedules/upcoming?from=" + monday.toInstant() + "&to=" + monday.minusDays(1).toInstant()).status());
        }
    }

    @Test
    void overlappingEntriesOfTheSameClassAreShownToTheOperator() throws Exception {
        try (TestServer server = new TestServer(dir)) {
            long first = server.post("/api/schedules", JSON, daily("Sáng", "\"areas\":[\"commune-a\"]", "long.mp3", "06:00", ""))
                    .body().get("id").asLong();
            TestServer.Reply clash = server.post("/api/schedules", JSON, daily("Chuông", "\"stations\":[\"st-01\",\"st-09\"]",
                    "tone.mp3", "06:00:03", ""));
            assertEquals(409, clash.status(), clash.toString());
            JsonNode conflict = clash.body().get("conflicts").get(0);
            assertEquals(first, conflict.get("schedule").asLong());
            assertEquals("[\"st-01\"]", conflict.get("stations").toString(), "only the stations both reach");
            assertEquals("06:00:03", Instant.parse(conflict.get("firstOverlap").asText()).atZone(ZoneId.of("Asia/Ho_Chi_Minh"))
                    .toLocalTime().toString());
            assertEquals(201, server.post("/api/schedules", JSON, daily("Chuông", "\"stations\":[\"st-01\"]", "tone.mp3",
                    "06:00:03", ",\"allowConflicts\":true")).status(), "the operator may keep it anyway");
            assertEquals(201, server.post("/api/schedules", JSON, daily("Sau", "\"stations\":[\"st-01\"]", "tone.mp3",
                    "06:00:10", "")).status(), "after the 6 s programme has ended there is no overlap");
        }
    }

    @Test
    void anEntryCanBeReplacedUnderTheSameChecksAndWarnsOfAirtimeCaps() throws Exception {
        try (TestServer server = new TestServer(dir)) {
            long id = server.post("/api/schedules", JSON, daily("Sáng", "\"stations\":[\"st-02\"]", "tone.mp3", "06:00", ""))
                    .body().get("id").asLong();
            server.post("/api/schedules", JSON, daily("Khác", "\"stations\":[\"st-02\"]", "long.mp3", "07:00", ""));
            TestServer.Reply moved = server.put("/api/schedules/" + id, daily("Sáng muộn", "\"stations\":[\"st-02\"]",
                    "tone.mp3", "06:30", ""));
            assertEquals(200, moved.status(), moved.toString());
            assertEquals("06:30", Instant.parse(server.get("/api/schedules/" + id).body().get("nextFire").asText())
                    .atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toLocalTime().toString());
            assertEquals("Sáng muộn", server.get("/api/schedules/" + id).body().get("title").asText());
            assertEquals(409, server.put("/api/schedules/" + id, daily("Sáng", "\"stations\":[\"st-02\"]", "tone.mp3",
                    "07:00:02", "")).status(), "moving it onto the other entry is a conflict");
            assertEquals(404, server.put("/api/schedules/999", daily("x", "\"stations\":[\"st-02\"]", "tone.mp3", "08:00", ""))
                    .status());
            JsonNode capped = server.post("/api/schedules", JSON, """
                    {"broadcast":{"media":["long.mp3"],"repeat":10,"targets":{"areas":["commune-c"]}},
                     "recurrence":{"type":"daily","times":["09:00"]}}""").body();
            assertTrue(capped.get("warnings").get(0).asText().contains("airtime cap of 1 min"), capped.toString());
            assertEquals(0, server.get("/api/schedules/" + id).body().get("warnings").size());
        }
    }

    private static String daily(String title, String targets, String media, String time, String extra) {
        return """
                {"title":"%s","broadcast":{"media":["%s"],"targets":{%s}},
                 "recurrence":{"type":"daily","times":["%s"]}%s}""".formatted(title, media, targets, time, extra);
    }

    @Test
    void badEntriesAreRefusedWithTheirReason() throws Exception {
        try (TestServer server = new TestServer(dir)) {
            String past = LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString();
            refused(server, "{\"broadcast\":" + BROADCAST + ",\"recurrence\":{\"type\":\"hourly\"}}", "hourly");
            refused(server, "{\"broadcast\":" + BROADCAST + ",\"recurrence\":{\"type\":\"daily\",\"times\":[]}}",
                    "recurrence.times must list at least one time");
            refused(server, "{\"broadcast\":" + BROADCAST + ",\"recurrence\":{\"type\":\"cron\",\"expression\":\"every day\"}}",
                    "not a valid Quartz cron expression");
            refused(server, "{\"broadcast\":" + BROADCAST + ",\"recurrence\":{\"type\":\"once\",\"at\":\"" + past + "\"}}",
                    "is in the past");
            refused(server, "{\"broadcast\":" + BROADCAST + ",\"timeZone\":\"Mars/Olympus\",\"recurrence\":{\"type\":\"daily\",\"times\":[\"06:00\"]}}",
                    "timeZone 'Mars/Olympus'");
            refused(server, "{\"broadcast\":{\"media\":[\"gone.mp3\"],\"targets\":{\"all\":true}},\"recurrence\":{\"type\":\"daily\",\"times\":[\"06:00\"]}}",
                    "media 'gone.mp3'");
            refused(server, "{\"recurrence\":{\"type\":\"daily\",\"times\":[\"06:00\"]}}", "broadcast is required");
            assertEquals(0, server.get("/api/schedules").body().size(), "nothing half-made was kept");
        }
    }

    private static void refused(TestServer server, String body, String reason) {
        TestServer.Reply reply = server.post("/api/schedules", JSON, body);
        assertEquals(400, reply.status(), body + " -> " + reply);
        assertTrue(reply.body().get("error").asText().contains(reason), body + " -> " + reply.body());
    }
}
