package vn.loa.server.broadcast;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.playout.BroadcastPlan;
import vn.loa.server.playout.PlayoutEngine;
import vn.loa.server.playout.SessionEvent;

/**
 * The one way sessions are put on air, whoever asks (the API, a schedule, a restart, an alert). The
 * journal row comes first: the session is offered to the playout only once its row is committed, so
 * nothing ever airs that a restart would not know of, and a journal that cannot be written means
 * nothing airs and the caller hears why.
 */
public final class SessionLauncher {
    private static final Logger log = LoggerFactory.getLogger(SessionLauncher.class);
    private final PlayoutEngine engine;
    private final SessionJournal journal;
    private final Clock clock;

    public SessionLauncher(PlayoutEngine engine, SessionJournal journal, Clock clock) {
        this.engine = engine;
        this.journal = journal;
        this.clock = clock;
        journal.follow(engine.events());
    }

    /**
     * Completes with the session id once it is journaled and on air (its first as-run entries committed).
     *
     * @param audibleAt when its first frame should be heard; null for as soon as possible
     * @param offsetMs  how far into the programme to join (0 from the start)
     * @param origin    who asked, for the journal
     */
    public CompletableFuture<Long> start(BroadcastRequest request, BroadcastPlan plan, Instant audibleAt, long offsetMs,
                                         String origin) {
        long id = engine.reserveId();
        return journal(id, request, plan, audibleAt, offsetMs, origin).thenCompose(v -> air(id, plan, audibleAt, offsetMs));
    }

    public CompletableFuture<Long> start(BroadcastRequest request, BroadcastPlan plan, Instant audibleAt, String origin) {
        return start(request, plan, audibleAt, 0, origin);
    }

    /**
     * Accepts a session for {@code audibleAt}: completes with its id as soon as it is journaled (PENDING),
     * without waiting for air time. It is then listed and cancellable, and a restart before its time
     * holds it again.
     */
    public CompletableFuture<Long> hold(BroadcastRequest request, BroadcastPlan plan, Instant audibleAt, String origin) {
        long id = engine.reserveId();
        return journal(id, request, plan, audibleAt, 0, origin).thenApply(v -> {
            air(id, plan, audibleAt, 0);
            return id;
        });
    }

    /** Whether a session asked for by {@code origin} to be heard at {@code audibleAt} was ever journaled. */
    public boolean launched(String origin, Instant audibleAt) {
        return journal.has(origin, audibleAt);
    }

    /** The journal row carrying session {@code id} on now, following restarts; see {@link SessionJournal#successor}. */
    public java.util.Optional<SessionRecord> successor(long id) {
        return journal.successor(id);
    }

    /** Stops a session on air or held; false if there is no such session. */
    public CompletableFuture<Boolean> cancel(long id) {
        return engine.cancel(id);
    }

    /** Tells every subscriber that a journaled session is back under a new id (after a restart). */
    void recovered(long previous, long session) {
        engine.events().publish(new SessionEvent.RecoveredAs(previous, session));
    }

    /** Tells every subscriber that a journaled session was not put back on air after a restart. */
    void notRecovered(long session, String reason) {
        engine.events().publish(new SessionEvent.NotRecovered(session, reason));
    }

    private CompletableFuture<Void> journal(long id, BroadcastRequest request, BroadcastPlan plan, Instant audibleAt,
                                            long offsetMs, String origin) {
        Instant heard = audibleAt != null ? audibleAt : clock.instant()
                .plusMillis(PlayoutEngine.startDelayMillis(plan.stations().size()));
        return journal.started(id, request, plan, heard.minusMillis(offsetMs), origin, audibleAt != null);
    }

    /** Offers a journaled session; if the playout refuses it, the journal says it ended so no restart airs it. */
    private CompletableFuture<Long> air(long id, BroadcastPlan plan, Instant audibleAt, long offsetMs) {
        return engine.start(id, plan, audibleAt, offsetMs).whenComplete((ok, failure) -> {
            Throwable cause = failure instanceof CompletionException c ? c.getCause() : failure;
            if (failure != null && !(cause instanceof CancellationException)) {
                log.error("Session {} '{}' was journaled but could not go on air: {}", id, plan.title(), cause.toString());
                journal.ended(id, true);
            }
        });
    }
}
