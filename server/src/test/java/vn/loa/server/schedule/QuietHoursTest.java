package vn.loa.server.schedule;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.TestServer;
import vn.loa.server.station.QuietHours;

/** Commune-b is given quiet hours around the current time; commune-a has none. */
class QuietHoursTest {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String JSON = "application/json";

    @TempDir
    Path dir;

    @Test
    void entriesThatWouldAirInQuietHoursAreRefusedUnlessEmergency() throws Exception {
        LocalTime now = LocalTime.now(VIETNAM).truncatedTo(ChronoUnit.MINUTES);
        String window = now.minusHours(1) + "-" + now.plusHours(1);
        String at = ZonedDateTime.now(VIETNAM).plusMinutes(5).truncatedTo(ChronoUnit.SECONDS).toLocalDateTime().toString();
        try (TestServer server = new TestServer(dir, null, window)) {
            TestServer.Reply refused = server.post("/api/schedules", JSON, entry("commune-b", "NORMAL", at));
            assertEquals(400, refused.status(), refused.toString());
            assertTrue(refused.body().get("error").asText().contains("quiet hours"), refused.toString());
            assertTrue(refused.body().get("error").asText().contains(window), refused.toString());
            assertEquals(201, server.post("/api/schedules", JSON, entry("commune-a", "NORMAL", at)).status(),
                    "commune-a has no quiet hours");
            // Commune-b's own officer: one commune, so no second officer is needed and quiet hours alone are tested.
            var officer = server.as(server.user("can-bo-xa-b", "officer", "commune-b"));
            assertEquals(201, officer.post("/api/schedules", JSON, entry("commune-b", "EMERGENCY", at)).status(),
                    "an emergency is never held back");
        }
    }

    @Test
    void aFiringThatLandsInQuietHoursAnywayIsSkippedThereAndRecorded() throws Exception {
        ZonedDateTime due;
        try (TestServer before = new TestServer(dir)) {
            due = ZonedDateTime.now(VIETNAM).plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
            assertEquals(201, before.post("/api/schedules", JSON, entry("province", "NORMAL", due.toLocalDateTime().toString()))
                    .status());
        }
        LocalTime t = due.toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        // The operator has since given commune-b quiet hours that cover the entry's time.
        try (TestServer after = new TestServer(dir, null, t.minusMinutes(30) + "-" + t.plusMinutes(30))) {
            Instant aired = due.toInstant().plusSeconds(2);
            await().atMost(Duration.ofSeconds(20)).until(() -> Instant.now().isAfter(aired)
                    && after.get("/api/asrun?station=st-01").body().size() >= 1);
            JsonNode quiet = after.get("/api/asrun?station=st-08").body();
            assertEquals(1, quiet.size(), quiet.toString());
            assertEquals("QUIET", quiet.get(0).get("event").asText());
            assertEquals("STARTED", after.get("/api/asrun?station=st-01").body().get(0).get("event").asText());
        }
    }

    @Test
    void windowsMayWrapMidnight() {
        QuietHours night = QuietHours.parse("22:00-05:00");
        assertTrue(night.contains(LocalTime.of(23, 30)) && night.contains(LocalTime.of(3, 15)));
        assertTrue(!night.contains(LocalTime.of(5, 0)) && !night.contains(LocalTime.of(6, 0)));
        assertTrue(!QuietHours.parse("none").contains(LocalTime.of(3, 15)));
    }

    private static String entry(String area, String priority, String at) {
        return """
                {"broadcast":{"media":["tone.mp3"],"targets":{"areas":["%s"]},"priority":"%s"},
                 "recurrence":{"type":"once","at":"%s"}}""".formatted(area, priority, at);
    }
}
