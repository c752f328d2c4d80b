package vn.loa.server.playout;

import java.time.Instant;

/**
 * What a station plays, for /api/stations. Immutable; the offset is worked out when asked, from the
 * instant the stream's first frame was due and where in the programme that frame was.
 */
public record NowPlaying(long session, String title, String priority, long startOffsetMs, long startedAtMicros,
                         long durationMs) {

    public record View(long session, String title, String priority, long offsetMs, long durationMs) {
    }

    public View at(long nowMicros) {
        long offset = startOffsetMs + Math.max(0, nowMicros - startedAtMicros) / 1000;
        return new View(session, title, priority, Math.min(durationMs, offset), durationMs);
    }

    static NowPlaying of(Broadcast b, Playback p) {
        Programme programme = b.plan().programme();
        return new NowPlaying(b.id(), b.plan().title(), b.plan().priority().name(),
                programme.offsetMillis(p.startFrame()), p.startAtMicros(), programme.durationMillis());
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000);
    }
}
