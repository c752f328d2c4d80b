package vn.loa.server.playout;

import java.time.Instant;

/**
 * What happened to a session, published once by playout to every subscriber (alerts, the session
 * journal, monitoring, metrics). Immutable, so one instance can go to every subscriber's executor.
 */
public sealed interface SessionEvent {
    /** The session this event is about. */
    long session();

    /** Accepted and held until {@code airAt}: journaled, listed, cancellable, not yet offered to any station. */
    record Held(long session, String title, String priority, Instant airAt) implements SessionEvent {
    }

    /** Offered to its stations: it plays where it outranks what plays and waits elsewhere. */
    record Started(long session, String title, String priority, int stations) implements SessionEvent {
    }

    /** Cut on one station by a higher class; it waits there, or is dropped, as its policy says. */
    record Preempted(long session, String station, long by) implements SessionEvent {
    }

    /** Back on one station after whatever cut it is over. */
    record Resumed(long session, String station) implements SessionEvent {
    }

    /** Over on every station: played out, cut for good, or cancelled (also while held). */
    record Ended(long session, boolean cancelled) implements SessionEvent {
    }

    /** A session that was on air (or held) when the server stopped is back as {@code session}. */
    record RecoveredAs(long previous, long session) implements SessionEvent {
    }

    /** Journaled as on air when the server stopped and not put back (its programme or deadline passed). */
    record NotRecovered(long session, String reason) implements SessionEvent {
    }

    /** What one station plays changed; {@code playing} is null when it fell silent. */
    record StationPlaying(String station, NowPlaying playing) implements SessionEvent {
        @Override
        public long session() {
            return playing == null ? 0 : playing.session();
        }
    }
}
