package vn.loa.server.asrun;

import java.util.List;

/**
 * The stable code of why something happened on air or to a station's link ({@code PREEMPTED_BY_HIGHER},
 * {@code NO_HEARTBEAT}, …), for the console to say it in the reader's language as {@code reason.<CODE>}.
 * The as-run log and the station history keep their reasons as English sentences for technicians; the
 * code is read from the sentence's opening words, which the playout, scheduler, recovery and gateway write.
 */
public final class ReasonCodes {
    /** Opening words (checked in order, the longer first where one begins another) and their code. */
    private static final List<String[]> OPENINGS = List.of(
            new String[] {"behind session", "QUEUED_BEHIND"},
            new String[] {"stopped by request while waiting", "STOPPED_WHILE_WAITING"},
            new String[] {"stopped by request", "STOPPED_BY_REQUEST"},
            new String[] {"maximum duration reached", "MAX_DURATION"},
            new String[] {"receiver not keeping up", "RECEIVER_SLOW"},
            new String[] {"preempted by session", "PREEMPTED_BY_HIGHER"},
            new String[] {"policy DROP", "POLICY_DROP"},
            new String[] {"resume deadline", "RESUME_DEADLINE"},
            new String[] {"receiver reconnected", "RECEIVER_RECONNECTED"},
            new String[] {"receiver connection lost", "CONNECTION_LOST"},
            new String[] {"air time", "QUIET_HOURS"},
            new String[] {"policy JOIN, programme already over", "ALREADY_OVER"},
            new String[] {"policy JOIN", "JOINED_LATE"},
            new String[] {"policy SKIP", "MISSED_WHILE_DOWN"},
            new String[] {"server stopped while on air; back on air", "SERVER_RESTARTED"},
            new String[] {"server stopped while", "SERVER_STOPPED"},
            new String[] {"the server was down", "SERVER_WAS_DOWN"},
            new String[] {"no frame for", "NO_HEARTBEAT"},
            new String[] {"connection closed by the receiver", "CLOSED_BY_RECEIVER"},
            new String[] {"replaced by connection", "REPLACED"},
            new String[] {"protocol error", "PROTOCOL_ERROR"},
            new String[] {"TLS failed", "TLS_FAILED"},
            new String[] {"network error", "NETWORK_ERROR"},
            new String[] {"server shutting down", "SERVER_SHUTTING_DOWN"},
            new String[] {"server fault", "SERVER_FAULT"});

    /** Every code {@link #of} can answer, for the test that keeps the console's words complete. */
    public static final List<String> ALL;

    static {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        OPENINGS.forEach(o -> all.add(o[1]));
        all.add("PLAYED_LATE");
        all.add("GRACE_EXCEEDED");
        all.add("OTHER");
        ALL = List.copyOf(all);
    }

    private ReasonCodes() {
    }

    /** The code of a reason sentence; null for no reason, {@code OTHER} for one not listed here. */
    public static String of(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        if (reason.startsWith("policy GRACE")) {
            return reason.contains("exceeded") ? "GRACE_EXCEEDED" : "PLAYED_LATE";
        }
        for (String[] o : OPENINGS) {
            if (reason.startsWith(o[0])) {
                return o[1];
            }
        }
        return "OTHER";
    }
}
