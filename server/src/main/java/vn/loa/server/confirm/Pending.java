package vn.loa.server.confirm;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import vn.loa.server.broadcast.BroadcastRequest;
import vn.loa.server.schedule.ScheduleEntry;

/**
 * A request waiting for a second officer, as the API shows it.
 *
 * @param kind      BROADCAST (airs on confirmation) or SCHEDULE (the entry is made, or replaces {@code replaces})
 * @param state     AWAITING_CONFIRMATION, CONFIRMED, REJECTED, or EXPIRED once {@code expiresAt} passed unanswered
 * @param stations  how many stations it reaches
 * @param communes  the communes it reaches, by name: why it needs a second officer
 * @param result    the broadcast session or schedule entry it became, once confirmed
 * @param broadcast what would air, at the issuer level of the officer who asked
 * @param schedule  for a SCHEDULE, the entry as it would be stored
 */
public record Pending(long id, Kind kind, String state, String title, int stations, List<String> communes,
                      String requestedBy, Instant requestedAt, Instant expiresAt, String decidedBy, Instant decidedAt,
                      Long result, Long replaces, BroadcastRequest broadcast, ScheduleEntry schedule,
                      @JsonIgnore boolean allowConflicts) {
    public static final String AWAITING = "AWAITING_CONFIRMATION";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String REJECTED = "REJECTED";
    public static final String EXPIRED = "EXPIRED";

    public enum Kind { BROADCAST, SCHEDULE }

    public Pending {
        communes = List.copyOf(communes);
    }

    /** The state as of {@code now}: an unanswered request past its expiry is EXPIRED. */
    Pending asOf(Instant now) {
        if (state.equals(AWAITING) && !now.isBefore(expiresAt)) {
            return new Pending(id, kind, EXPIRED, title, stations, communes, requestedBy, requestedAt, expiresAt,
                    decidedBy, decidedAt, result, replaces, broadcast, schedule, allowConflicts);
        }
        return this;
    }
}
