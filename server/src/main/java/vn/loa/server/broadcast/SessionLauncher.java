package vn.loa.server.broadcast;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import vn.loa.server.playout.BroadcastPlan;
import vn.loa.server.playout.PlayoutEngine;

/**
 * The one way sessions are put on air, whoever asks (the API, a schedule, a restart): starts the plan
 * and journals it with its request, and acknowledges only once both the first as-run entries and the
 * journal row are committed.
 */
public final class SessionLauncher {
    private final PlayoutEngine engine;
    private final SessionJournal journal;
    private final Clock clock;

    public SessionLauncher(PlayoutEngine engine, SessionJournal journal, Clock clock) {
        this.engine = engine;
        this.journal = journal;
        this.clock = clock;
        engine.onSessionEnd(journal);
    }

    /**
     * @param audibleAt when its first frame should be heard; null for as soon as possible
     * @param offsetMs  how far into the programme to join (0 from the start)
     * @param origin    who asked, for the journal
     */
    public CompletableFuture<Long> start(BroadcastRequest request, BroadcastPlan plan, Instant audibleAt, long offsetMs,
                                         String origin) {
        Instant heard = audibleAt != null ? audibleAt : clock.instant()
                .plusMillis(PlayoutEngine.startDelayMillis(plan.stations().size()));
        return engine.start(plan, audibleAt, offsetMs).thenCompose(id ->
                journal.started(id, request, plan, heard.minusMillis(offsetMs), origin).thenApply(v -> id));
    }

    public CompletableFuture<Long> start(BroadcastRequest request, BroadcastPlan plan, Instant audibleAt, String origin) {
        return start(request, plan, audibleAt, 0, origin);
    }

    /** Whether a session asked for by {@code origin} to be heard at {@code audibleAt} was ever journaled. */
    public boolean launched(String origin, Instant audibleAt) {
        return journal.has(origin, audibleAt);
    }

    public CompletableFuture<Boolean> cancel(long id) {
        return engine.cancel(id);
    }
}
