package vn.loa.server.playout;

import java.time.Instant;
import java.util.List;

/** A live session for GET /api/broadcasts: where it plays now and where it waits. */
public record BroadcastView(long id, String title, String priority, String issuer, String onPreempt,
                            Instant createdAt, long durationMs, List<String> playing, List<String> waiting) {
}
