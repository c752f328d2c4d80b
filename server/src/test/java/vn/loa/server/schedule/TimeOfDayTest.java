package vn.loa.server.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.loa.server.api.ApiException;
import vn.loa.server.api.ApiRequest;
import vn.loa.server.api.Json;
import vn.loa.server.broadcast.PlanException;
import vn.loa.server.store.StoredJson;

/** A commune operator types times the way they write them on paper; the server reads each of them or says why not. */
class TimeOfDayTest {

    @ParameterizedTest
    @CsvSource({"7h30,07:30", "7h,07:00", "07h30,07:30", "7H30,07:30", "17g30,17:30", "17g,17:00", "7 h 30,07:30",
            "7 giờ 30,07:30", "7 giờ 30 phút,07:30", "7 giờ,07:00", "07:30,07:30", "7:30,07:30", "0h00,00:00",
            "23h59,23:59", "06:00:30,06:00:30", "' 5h15 ',05:15", "17h30',17:30"})
    void readsHowVietnameseWriteTimes(String text, String expected) {
        assertEquals(LocalTime.parse(expected), TimeOfDay.parse(text, "recurrence.times"));
    }

    @Test
    void readsDecomposedVietnamese() {
        String nfd = java.text.Normalizer.normalize("7 giờ 30", java.text.Normalizer.Form.NFD);
        assertEquals(LocalTime.of(7, 30), TimeOfDay.parse(nfd, "recurrence.times"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "7", "730", "24h", "25:00", "7h60", "7:5", "7h5", "7.30", "7pm", "7:30 PM", "sáng", "h30", "7h30h"})
    void refusesAnythingElseWithItsCodeAndTheFormsItTakes(String text) {
        PlanException e = assertThrows(PlanException.class, () -> TimeOfDay.parse(text, "recurrence.times"));
        assertEquals("invalid_time", e.code());
        assertTrue(e.getMessage().startsWith("recurrence.times: \"" + text + "\""), e.getMessage());
        assertTrue(e.getMessage().contains("7h30"), e.getMessage());
        assertFalse(e.getMessage().contains("DateTimeParseException") || e.getMessage().contains("Text '"), e.getMessage());
    }

    @Test
    void saysWhichPartIsOutOfRange() {
        assertTrue(TimeOfDay.parse("7h30", "x").equals(LocalTime.of(7, 30)));
        assertTrue(assertThrows(PlanException.class, () -> TimeOfDay.parse("24h00", "x")).getMessage().contains("hour 24"));
        assertTrue(assertThrows(PlanException.class, () -> TimeOfDay.parse("7:75", "x")).getMessage().contains("minute 75"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2026-11-23T06:00|2026-11-23T06:00", "23/11/2026 6h00|2026-11-23T06:00",
            "23/11/2026 17g30|2026-11-23T17:30", "7h30 23/11/2026|2026-11-23T07:30", "7h30 ngày 23/11/2026|2026-11-23T07:30",
            "3/1/2027 07:05|2027-01-03T07:05"})
    void readsDatesAndTimes(String text, String expected) {
        assertEquals(LocalDateTime.parse(expected), TimeOfDay.parseDateTime(text, "recurrence.at"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/02/2027 6h00", "23/11/2026", "6h00", "2026-13-01T06:00", "23/11/2026 25h"})
    void refusesBadDatesPrecisely(String text) {
        PlanException e = assertThrows(PlanException.class, () -> TimeOfDay.parseDateTime(text, "recurrence.at"));
        assertTrue(Set.of("invalid_time", "invalid_date_time").contains(e.code()), e.code());
        assertTrue(e.getMessage().startsWith("recurrence.at") || e.getMessage().contains("recurrence.at"), e.getMessage());
    }

    @Test
    void aRecurrenceInTheApiTakesVietnameseTimesAndStoresThemAsBefore() throws Exception {
        Recurrence r = Json.MAPPER.readValue("{\"type\":\"weekly\",\"days\":[\"MONDAY\"],\"times\":[\"7h30\",\"17g\"]}",
                Recurrence.class);
        assertEquals(new Recurrence.Weekly(Set.of(DayOfWeek.MONDAY), List.of(LocalTime.of(7, 30), LocalTime.of(17, 0))), r);
        String stored = StoredJson.MAPPER.writeValueAsString(r);
        assertTrue(stored.contains("\"07:30:00\""), stored); // ISO, as entries were always stored
        assertEquals(r, StoredJson.MAPPER.readValue(stored, Recurrence.class));
        Recurrence once = Json.MAPPER.readValue("{\"type\":\"once\",\"at\":\"23/11/2030 6h15\"}", Recurrence.class);
        assertEquals(new Recurrence.Once(LocalDateTime.of(2030, 11, 23, 6, 15)), once);
    }

    @Test
    void aBadTimeInARequestBodyIsA400WithItsCode() {
        ApiException e = assertThrows(ApiException.class, () -> Json.body(request(
                "{\"title\":\"x\",\"recurrence\":{\"type\":\"daily\",\"times\":[\"6h00\",\"25h\"]}}"),
                vn.loa.server.api.SchedulesApi.ScheduleRequest.class));
        assertEquals("invalid_time", e.code());
        assertTrue(e.getMessage().contains("\"25h\" has hour 25"), e.getMessage());
    }

    private static ApiRequest request(String json) {
        return new ApiRequest(io.netty.handler.codec.http.HttpMethod.POST, "/api/schedules", java.util.Map.of(),
                "application/json", json.getBytes(StandardCharsets.UTF_8), List.of(), "127.0.0.1", null, null);
    }
}
