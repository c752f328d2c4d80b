package vn.loa.server.alert;

import java.time.Instant;
import java.util.List;
import vn.loa.server.broadcast.BroadcastRequest;

/**
 * Body of POST /api/alerts.
 *
 * @param message   the text of the warning, for the console, the log and the report (receivers play audio)
 * @param expiresAt when the alert ends whatever happens; default one hour after drafting, at most 24 hours
 */
public record AlertDraft(String title, String message, List<String> media, Boolean attentionTone,
                         BroadcastRequest.Targets targets, Integer repeat, Instant expiresAt, List<String> correction) {
}
