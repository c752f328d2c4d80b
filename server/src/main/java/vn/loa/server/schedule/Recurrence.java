package vn.loa.server.schedule;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.ScheduleBuilder;
import org.quartz.SimpleScheduleBuilder;
import vn.loa.server.broadcast.PlanException;

/**
 * When a programme entry airs, in the entry's own time zone. Each kind turns into Quartz schedules;
 * cron expressions are Quartz's (seconds first), the expert's escape hatch.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Recurrence.Once.class, name = "once"),
    @JsonSubTypes.Type(value = Recurrence.Daily.class, name = "daily"),
    @JsonSubTypes.Type(value = Recurrence.Weekly.class, name = "weekly"),
    @JsonSubTypes.Type(value = Recurrence.Monthly.class, name = "monthly"),
    @JsonSubTypes.Type(value = Recurrence.Cron.class, name = "cron")})
public sealed interface Recurrence {

    /** One Quartz schedule per firing pattern; a one-shot also needs its start instant. */
    List<ScheduleBuilder<?>> schedules(ZoneId zone);

    /** The first firing of a one-shot, else null (recurring schedules start when the entry becomes valid). */
    default Date startAt(ZoneId zone) {
        return null;
    }

    record Once(LocalDateTime at) implements Recurrence {
        public Once {
            require(at != null, "recurrence.at is required for type once");
        }

        @Override
        public List<ScheduleBuilder<?>> schedules(ZoneId zone) {
            // A missed one-shot is skipped, never played late, until per-entry misfire policies arrive.
            return List.of(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionNextWithRemainingCount());
        }

        @Override
        public Date startAt(ZoneId zone) {
            return Date.from(at.atZone(zone).toInstant());
        }
    }

    record Daily(List<LocalTime> times) implements Recurrence {
        public Daily {
            requireTimes(times);
        }

        @Override
        public List<ScheduleBuilder<?>> schedules(ZoneId zone) {
            return crons(times, "*", "?", zone);
        }
    }

    record Weekly(Set<DayOfWeek> days, List<LocalTime> times) implements Recurrence {
        public Weekly {
            require(days != null && !days.isEmpty(), "recurrence.days must name at least one weekday");
            requireTimes(times);
        }

        @Override
        public List<ScheduleBuilder<?>> schedules(ZoneId zone) {
            String list = days.stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
            return crons(times, "?", list, zone);
        }
    }

    record Monthly(List<Integer> daysOfMonth, List<LocalTime> times) implements Recurrence {
        public Monthly {
            require(daysOfMonth != null && !daysOfMonth.isEmpty() && daysOfMonth.stream().allMatch(d -> d != null && d >= 1 && d <= 31),
                    "recurrence.daysOfMonth must list days 1..31");
            requireTimes(times);
        }

        @Override
        public List<ScheduleBuilder<?>> schedules(ZoneId zone) {
            String list = daysOfMonth.stream().sorted().distinct().map(String::valueOf).collect(Collectors.joining(","));
            return crons(times, list, "?", zone);
        }
    }

    record Cron(String expression) implements Recurrence {
        public Cron {
            require(expression != null && CronExpression.isValidExpression(expression),
                    "recurrence.expression is not a valid Quartz cron expression (seconds minutes hours day month weekday)");
        }

        @Override
        public List<ScheduleBuilder<?>> schedules(ZoneId zone) {
            return List.of(CronScheduleBuilder.cronSchedule(expression).inTimeZone(TimeZone.getTimeZone(zone))
                    .withMisfireHandlingInstructionDoNothing());
        }
    }

    private static List<ScheduleBuilder<?>> crons(List<LocalTime> times, String dayOfMonth, String dayOfWeek, ZoneId zone) {
        return times.stream().distinct().<ScheduleBuilder<?>>map(t -> CronScheduleBuilder
                .cronSchedule("%d %d %d %s * %s".formatted(t.getSecond(), t.getMinute(), t.getHour(), dayOfMonth, dayOfWeek))
                .inTimeZone(TimeZone.getTimeZone(zone))
                .withMisfireHandlingInstructionDoNothing()).toList();
    }

    private static void requireTimes(List<LocalTime> times) {
        require(times != null && !times.isEmpty() && times.stream().allMatch(t -> t != null),
                "recurrence.times must list at least one time of day, like \"06:00\"");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new PlanException(message);
        }
    }
}
