package vn.loa.server.playout;

import java.time.Instant;
import java.util.List;

/**
 * A live or held session for GET /api/broadcasts: where it plays now and where it waits.
 *
 * @param state HELD (accepted for {@code airAt}, not yet offered to its stations, which are all listed
 *              as waiting) or ON_AIR
 * @param airAt when a held session is to be heard; null once on air
 */
public record BroadcastView(long id, String title, String priority, String issuer, String onPreempt,
                            Instant createdAt, long durationMs, List<String> playing, List<String> waiting,
                            String state, Instant airAt) {
    public static final String HELD = "HELD";
    public static final String ON_AIR = "ON_AIR";
}
