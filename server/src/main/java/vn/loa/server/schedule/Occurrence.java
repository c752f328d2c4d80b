package vn.loa.server.schedule;

import java.time.Instant;
import java.time.LocalDateTime;

/** One concrete airing of a schedule entry, for a calendar: when (instant and local time), what, at which class. */
public record Occurrence(long schedule, String title, Instant at, LocalDateTime local, String timeZone, String priority) {
}
