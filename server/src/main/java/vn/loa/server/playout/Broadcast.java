package vn.loa.server.playout;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** A session on the engine thread: its plan and which stations still have it playing or waiting. */
final class Broadcast {
    private final long id;
    private final BroadcastPlan plan;
    private final Instant createdAt;
    private final long sequenceOfArrival;
    private final Set<String> pending = new HashSet<>();
    private boolean cancelled;

    Broadcast(long id, BroadcastPlan plan, Instant createdAt, long sequenceOfArrival) {
        this.id = id;
        this.plan = plan;
        this.createdAt = createdAt;
        this.sequenceOfArrival = sequenceOfArrival;
        pending.addAll(plan.stations());
    }

    long id() {
        return id;
    }

    BroadcastPlan plan() {
        return plan;
    }

    Instant createdAt() {
        return createdAt;
    }

    /** Ties between equal ranks: FIFO, except EMERGENCY where the newest wins. */
    long arrival() {
        return sequenceOfArrival;
    }

    /** The station is finished with this session, for whatever reason. */
    void doneOn(String station) {
        pending.remove(station);
    }

    boolean finished() {
        return pending.isEmpty() || cancelled;
    }

    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }
}
