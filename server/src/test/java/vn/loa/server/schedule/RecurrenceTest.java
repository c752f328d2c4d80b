package vn.loa.server.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/** Air times computed by Quartz from each recurrence: fire times plus their lead, in local time. */
class RecurrenceTest {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void dailyEntriesAirAtTheirLocalTimes() {
        List<LocalDateTime> airs = airTimes(new Recurrence.Daily(List.of(LocalTime.of(6, 0), LocalTime.of(17, 30))),
                VIETNAM, LocalDateTime.of(2026, 11, 23, 0, 0), 4);
        assertEquals(List.of(LocalDateTime.of(2026, 11, 23, 6, 0), LocalDateTime.of(2026, 11, 23, 17, 30),
                LocalDateTime.of(2026, 11, 24, 6, 0), LocalDateTime.of(2026, 11, 24, 17, 30)), airs);
    }

    @Test
    void mondayMidnightFiresOnSundayEveningAndAirsOnMonday() {
        List<LocalDateTime> airs = airTimes(new Recurrence.Weekly(Set.of(DayOfWeek.MONDAY), List.of(LocalTime.MIDNIGHT)),
                VIETNAM, LocalDateTime.of(2026, 11, 22, 12, 0), 2);
        assertEquals(List.of(LocalDateTime.of(2026, 11, 23, 0, 0), LocalDateTime.of(2026, 11, 30, 0, 0)), airs);
    }

    @Test
    void midnightOnTheFirstFiresOnTheLastDayOfTheMonthBefore() {
        List<LocalDateTime> airs = airTimes(new Recurrence.Monthly(List.of(1, 15), List.of(LocalTime.MIDNIGHT)),
                VIETNAM, LocalDateTime.of(2026, 2, 10, 0, 0), 3);
        assertEquals(List.of(LocalDateTime.of(2026, 2, 15, 0, 0), LocalDateTime.of(2026, 3, 1, 0, 0),
                LocalDateTime.of(2026, 3, 15, 0, 0)), airs);
    }

    @Test
    void aDstZoneKeepsTheLocalTimeOncePerDayAcrossBothTransitions() {
        ZoneId newYork = ZoneId.of("America/New_York");
        Recurrence daily = new Recurrence.Daily(List.of(LocalTime.of(6, 0)));
        for (LocalDate transition : List.of(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 11, 1))) {
            List<LocalDateTime> airs = airTimes(daily, newYork, transition.minusDays(2).atStartOfDay(), 5);
            for (int i = 0; i < airs.size(); i++) {
                assertEquals(transition.minusDays(2).plusDays(i).atTime(6, 0), airs.get(i), "around " + transition);
            }
        }
    }

    /** The next {@code count} air times after {@code from}, as local times in {@code zone}. */
    private static List<LocalDateTime> airTimes(Recurrence r, ZoneId zone, LocalDateTime from, int count) {
        List<ZonedDateTime> all = new ArrayList<>();
        for (Recurrence.Firing f : r.firings(zone)) {
            Trigger t = TriggerBuilder.newTrigger().withSchedule(f.schedule())
                    .startAt(Date.from(from.atZone(zone).toInstant())).build();
            Date after = Date.from(from.atZone(zone).toInstant());
            for (int i = 0; i < count; i++) {
                Date next = t.getFireTimeAfter(after);
                all.add(next.toInstant().plusMillis(f.leadMillis()).atZone(zone));
                after = next;
            }
        }
        return all.stream().sorted().limit(count).map(ZonedDateTime::toLocalDateTime).toList();
    }
}
