package vn.loa.server.schedule;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.ScheduleBuilder;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
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
    /** The most air times one day of a recurrence may list. */
    int MAX_TIMES_PER_DAY = 48;

    /**
     * How far ahead of the air time triggers fire, so the broadcast is planned and its first frame is
     * sent before the instant instead of a start delay after it. Two seconds: planning, plus the
     * playout engine's preparation for the largest targets (up to one lead, 1.5 s).
     */
    long LEAD_SECONDS = 2;

    /** A Quartz schedule and how long before the air time it fires. */
    record Firing(ScheduleBuilder<?> schedule, long leadMillis) {
    }

    /** One firing per pattern; a one-shot also needs its start instant. */
    List<Firing> firings(ZoneId zone);

    /** The air time of a one-shot, else null (recurring schedules start when the entry becomes valid). */
    default Instant airsAt(ZoneId zone) {
        return null;
    }

    /** Air times in [from, to), at most {@code max} of them, in order, computed by Quartz. */
    default List<Instant> airTimes(ZoneId zone, Instant from, Instant to, int max) {
        Instant once = airsAt(zone);
        if (once != null) {
            return !once.isBefore(from) && once.isBefore(to) ? List.of(once) : List.of();
        }
        List<Instant> out = new ArrayList<>();
        for (Firing f : firings(zone)) {
            Date start = Date.from(from.minusMillis(f.leadMillis() + 1));
            Trigger t = TriggerBuilder.newTrigger().withSchedule(f.schedule()).startAt(start).build();
            for (Date fire = t.getFireTimeAfter(start); fire != null && out.size() < max * 2; fire = t.getFireTimeAfter(fire)) {
                Instant air = fire.toInstant().plusMillis(f.leadMillis());
                if (!air.isBefore(to)) {
                    break;
                }
                if (!air.isBefore(from)) {
                    out.add(air);
                }
            }
        }
        out.sort(null);
        return out.size() > max ? out.subList(0, max) : out;
    }

    record Once(@JsonDeserialize(using = TimeOfDay.DateTimeReader.class) LocalDateTime at) implements Recurrence {
        public Once {
            require(at != null, "recurrence.at is required for type once");
        }

        @Override
        public List<Firing> firings(ZoneId zone) {
            // A missed one-shot is skipped, never played late, until per-entry misfire policies arrive.
            return List.of(new Firing(SimpleScheduleBuilder.simpleSchedule()
                    .withMisfireHandlingInstructionNextWithRemainingCount(), LEAD_SECONDS * 1000));
        }

        @Override
        public Instant airsAt(ZoneId zone) {
            return at.atZone(zone).toInstant();
        }
    }

    record Daily(@JsonDeserialize(contentUsing = TimeOfDay.Reader.class) List<LocalTime> times) implements Recurrence {
        public Daily {
            requireTimes(times);
        }

        @Override
        public List<Firing> firings(ZoneId zone) {
            return times.stream().distinct().map(t -> early(t, "*", "?", zone)).toList();
        }
    }

    record Weekly(Set<DayOfWeek> days, @JsonDeserialize(contentUsing = TimeOfDay.Reader.class) List<LocalTime> times) implements Recurrence {
        public Weekly {
            require(days != null && !days.isEmpty(), "recurrence.days must name at least one weekday");
            requireTimes(times);
        }

        @Override
        public List<Firing> firings(ZoneId zone) {
            return times.stream().distinct().map(t -> {
                // Firing a second before midnight means firing on the day before.
                boolean midnight = t.toSecondOfDay() < LEAD_SECONDS;
                String list = days.stream().map(d -> midnight ? d.minus(1) : d).sorted()
                        .map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
                return early(t, "?", list, zone);
            }).toList();
        }
    }

    record Monthly(List<Integer> daysOfMonth, @JsonDeserialize(contentUsing = TimeOfDay.Reader.class) List<LocalTime> times) implements Recurrence {
        public Monthly {
            require(daysOfMonth != null && !daysOfMonth.isEmpty() && daysOfMonth.stream().allMatch(d -> d != null && d >= 1 && d <= 31),
                    "recurrence.daysOfMonth must list days 1..31");
            requireTimes(times);
        }

        @Override
        public List<Firing> firings(ZoneId zone) {
            List<Firing> out = new ArrayList<>();
            for (LocalTime t : times.stream().distinct().toList()) {
                boolean midnight = t.toSecondOfDay() < LEAD_SECONDS;
                List<Integer> days = daysOfMonth.stream().distinct().sorted().map(d -> midnight ? d - 1 : d).toList();
                String list = days.stream().filter(d -> d >= 1).map(String::valueOf).collect(Collectors.joining(","));
                if (!list.isEmpty()) {
                    out.add(early(t, list, "?", zone));
                }
                if (days.contains(0)) {
                    // Midnight on the 1st would fire on the last day of the month before, which Quartz's "L"
                    // does not compute reliably outside UTC; it fires at the air time, a start delay late.
                    out.add(new Firing(CronScheduleBuilder.cronSchedule("%d %d %d 1 * ?".formatted(t.getSecond(),
                            t.getMinute(), t.getHour())).inTimeZone(TimeZone.getTimeZone(zone))
                            .withMisfireHandlingInstructionDoNothing(), 0));
                }
            }
            return out;
        }
    }

    record Cron(String expression) implements Recurrence {
        public Cron {
            require(expression != null && CronExpression.isValidExpression(expression),
                    "recurrence.expression is not a valid Quartz cron expression (seconds minutes hours day month weekday)");
            requireSparse(expression);
        }

        /**
         * The same bound as listed times: at most MAX_TIMES_PER_DAY firings in any 24 hours of the next
         * week. "Every second" is a session storm on the receivers, not a programme; the walk stops at the
         * first window over the bound, so checking it costs at most a week of legal firings.
         */
        private static void requireSparse(String expression) {
            CronExpression cron;
            try {
                cron = new CronExpression(expression);
            } catch (java.text.ParseException e) {
                throw new PlanException("invalid_recurrence", "recurrence.expression: " + e.getMessage());
            }
            java.util.ArrayDeque<Long> day = new java.util.ArrayDeque<>();
            java.util.Date at = new java.util.Date();
            long end = at.getTime() + java.time.Duration.ofDays(8).toMillis();
            while ((at = cron.getNextValidTimeAfter(at)) != null && at.getTime() < end) {
                day.addLast(at.getTime());
                while (day.peekFirst() <= at.getTime() - java.time.Duration.ofDays(1).toMillis()) {
                    day.removeFirst();
                }
                if (day.size() > MAX_TIMES_PER_DAY) {
                    throw new PlanException("too_many_times", "recurrence.expression fires more than "
                            + MAX_TIMES_PER_DAY + " times in 24 hours; a programme airs at most once every half hour on "
                            + "average (use recurrence.times, or a sparser expression)").with("max", MAX_TIMES_PER_DAY);
                }
            }
        }

        /** An expert's expression cannot be shifted safely, so it fires at the air time and starts a start delay late. */
        @Override
        public List<Firing> firings(ZoneId zone) {
            return List.of(new Firing(CronScheduleBuilder.cronSchedule(expression).inTimeZone(TimeZone.getTimeZone(zone))
                    .withMisfireHandlingInstructionDoNothing(), 0));
        }
    }

    /** A cron firing LEAD_SECONDS before {@code t}; callers shift the days when that crosses midnight. */
    private static Firing early(LocalTime t, String dayOfMonth, String dayOfWeek, ZoneId zone) {
        LocalTime f = t.minusSeconds(LEAD_SECONDS);
        return new Firing(CronScheduleBuilder
                .cronSchedule("%d %d %d %s * %s".formatted(f.getSecond(), f.getMinute(), f.getHour(), dayOfMonth, dayOfWeek))
                .inTimeZone(TimeZone.getTimeZone(zone))
                .withMisfireHandlingInstructionDoNothing(), LEAD_SECONDS * 1000);
    }

    private static void requireTimes(List<LocalTime> times) {
        require(times != null && !times.isEmpty() && times.stream().allMatch(t -> t != null),
                "recurrence.times must list at least one time of day, like \"06:00\" or \"6h00\"");
        // One Quartz trigger per time: a thousand of them is an attack on the scheduler, not a programme.
        if (times.size() > MAX_TIMES_PER_DAY) {
            throw new PlanException("too_many_times", "recurrence.times may list at most " + MAX_TIMES_PER_DAY
                    + " times a day (one every half hour), not " + times.size()).with("max", MAX_TIMES_PER_DAY);
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new PlanException("invalid_recurrence", message);
        }
    }
}
