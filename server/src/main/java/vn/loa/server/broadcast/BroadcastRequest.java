package vn.loa.server.broadcast;

import java.util.List;

/**
 * What to broadcast, as POST /api/broadcasts takes it and as a schedule stores it (docs/api.md). Nulls
 * mean "not given"; {@link BroadcastPlanner} applies the defaults.
 */
public record BroadcastRequest(String title, List<String> media, String playlist, Targets targets, String priority,
                               String onPreempt, String issuerLevel, String resumeDeadline,
                               Integer maxDurationSeconds, Integer repeat, Boolean attentionTone, String at,
                               String when) {

    /** The same request at another issuer level: the one the policy derived from the user's scope. */
    public BroadcastRequest withIssuerLevel(String level) {
        return new BroadcastRequest(title, media, playlist, targets, priority, onPreempt, level, resumeDeadline,
                maxDurationSeconds, repeat, attentionTone, at, when);
    }

    public record Targets(List<String> stations, List<String> areas, List<String> tags, Boolean all) {
    }
}
