package vn.loa.server.api;

import java.util.List;

/** Body of POST /api/broadcasts (docs/api.md). Nulls mean "not given"; BroadcastsApi applies the defaults. */
public record BroadcastRequest(String title, List<String> media, String playlist, Targets targets, String priority,
                               String onPreempt, String issuerLevel, String resumeDeadline,
                               Integer maxDurationSeconds, Integer repeat, Boolean attentionTone) {

    public record Targets(List<String> stations, List<String> areas, List<String> tags, Boolean all) {
    }
}
