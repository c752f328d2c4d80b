package vn.loa.server.broadcast;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.playout.BroadcastPlan;
import vn.loa.server.playout.SessionEvent;
import vn.loa.server.playout.SessionEvents;
import vn.loa.server.store.Sql;
import vn.loa.server.store.StorageFault;
import vn.loa.server.store.StoredJson;
import vn.loa.server.store.StoreException;

/**
 * Every acknowledged session in the broadcast_session table, with the request that made it, so that
 * after a crash the server knows what was on air or held for later. A session is journaled before it
 * airs ({@link SessionLauncher}); its later life (on air, ended, cancelled) comes from the playout's
 * session events. All writes run on one thread in arrival order: should an end arrive before its
 * row, the order makes that harmless (the end is remembered and the row is written already ended).
 */
public final class SessionJournal implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SessionJournal.class);
    private static final String COLUMNS = "id, created_at, audible_at, title, priority, duration_ms, request, origin, "
            + "state, ended_at, resumed_as";
    /** The request column's width (V25): a request that does not fit is refused before anything airs. */
    static final int MAX_REQUEST_CHARS = 1_000_000;
    private final DataSource db;
    private final Clock clock;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "session-journal");
        t.setDaemon(true);
        return t;
    });
    /** Sessions that ended before their row was written; touched only on the writer thread. */
    private final Map<Long, String> endedUnrecorded = new HashMap<>();
    /** Ends the store refused (a full disk): retried, so a restart does not air a session that ended. */
    private final Map<Long, Boolean> endsToRetry = new java.util.LinkedHashMap<>();
    private final java.util.concurrent.ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "session-journal-retry");
        t.setDaemon(true);
        return t;
    });

    public SessionJournal(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
        retry.scheduleWithFixedDelay(() -> writer.execute(this::retryEnds), 2, 2, TimeUnit.SECONDS);
    }

    /** Keeps the journal in step with the playout: held sessions going on air, sessions ending. */
    public void follow(SessionEvents events) {
        events.subscribe("session journal", writer, event -> {
            if (event instanceof SessionEvent.Started s) {
                Sql.update(db, "UPDATE broadcast_session SET state = ? WHERE id = ? AND state = ?",
                        SessionRecord.ACTIVE, s.session(), SessionRecord.PENDING);
            } else if (event instanceof SessionEvent.Ended e) {
                recordEnd(e.session(), e.cancelled());
            }
        });
    }

    /** As {@link #started(long, BroadcastRequest, BroadcastPlan, Instant, String, boolean)}, on air at once. */
    public CompletableFuture<Void> started(long id, BroadcastRequest request, BroadcastPlan plan, Instant programmeStart,
                                           String origin) {
        return started(id, request, plan, programmeStart, origin, false);
    }

    /**
     * Completes once the session's row is committed; fails, with nothing written, if it cannot be.
     *
     * @param programmeStart when the programme's first frame is (or would have been) heard: a late join
     *                       started earlier than it was heard, so a resume can compute where it stands
     * @param pending        held for a later instant: PENDING until the playout offers it
     */
    public CompletableFuture<Void> started(long id, BroadcastRequest request, BroadcastPlan plan, Instant programmeStart,
                                           String origin, boolean pending) {
        Instant now = clock.instant();
        String json = StoredJson.write(request);
        if (json.length() > MAX_REQUEST_CHARS) {
            return CompletableFuture.failedFuture(new PlanException("request_too_large", "the broadcast request is " + json.length()
                    + " characters as stored; at most " + MAX_REQUEST_CHARS + " can be journaled, and nothing airs "
                    + "that is not journaled"));
        }
        return CompletableFuture.runAsync(() -> {
            String endedAs = endedUnrecorded.remove(id);
            String state = endedAs != null ? endedAs : pending ? SessionRecord.PENDING : SessionRecord.ACTIVE;
            try {
                Sql.update(db, "INSERT INTO broadcast_session (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        id, now, programmeStart, plan.title(), plan.priority().name(),
                        plan.programme().durationMillis(), json, origin, state, endedAs == null ? null : now, null);
            } catch (StoreException e) {
                if (e.getCause() instanceof java.sql.SQLException q && q.getSQLState() != null
                        && q.getSQLState().startsWith("22")) {
                    // A value the table cannot hold (SQL data exception): the request's fault, not the store's.
                    throw new PlanException("storage_unavailable", "the broadcast cannot be journaled, so it does not air: " + q.getMessage());
                }
                throw e;
            }
        }, writer);
    }

    /** Records that a session is over; for callers outside the event stream (a start that failed). */
    public void ended(long sessionId, boolean cancelled) {
        writer.execute(() -> recordEnd(sessionId, cancelled));
    }

    private void recordEnd(long sessionId, boolean cancelled) {
        String state = cancelled ? SessionRecord.CANCELLED : SessionRecord.ENDED;
        Instant at = clock.instant();
        try {
            int rows = Sql.update(db, "UPDATE broadcast_session SET state = ?, ended_at = ? WHERE id = ? AND state IN (?, ?)",
                    state, at, sessionId, SessionRecord.ACTIVE, SessionRecord.PENDING);
            if (rows == 0 && endedUnrecorded.size() < 10_000) {
                endedUnrecorded.put(sessionId, state);
            }
            endsToRetry.remove(sessionId);
        } catch (StoreException e) {
            // Left unrecorded, a restart within the programme would put an ended session back on air.
            if (StorageFault.of(e).isPresent() && endsToRetry.size() < 10_000) {
                if (endsToRetry.put(sessionId, cancelled) == null) {
                    log.error("Cannot record the end of session {} now ({}); retrying", sessionId, e.getMessage());
                }
            } else {
                log.error("Cannot record the end of session {}: {}", sessionId, e.getMessage());
            }
        }
    }

    private void retryEnds() {
        for (Map.Entry<Long, Boolean> end : List.copyOf(endsToRetry.entrySet())) {
            recordEnd(end.getKey(), end.getValue());
        }
    }

    /** Marks a session that was on air when the server stopped: put back on air as {@code resumedAs}, or not. */
    public void settled(long id, Long resumedAs) {
        Sql.update(db, "UPDATE broadcast_session SET state = ?, ended_at = ?, resumed_as = ? WHERE id = ?",
                resumedAs == null ? SessionRecord.INTERRUPTED : SessionRecord.RESUMED, clock.instant(), resumedAs, id);
    }

    /**
     * The journal row that carries session {@code id} on now: itself, or the last of the sessions it
     * was put back on air as after restarts; empty if it was never journaled.
     */
    public java.util.Optional<SessionRecord> successor(long id) {
        List<SessionRecord> chain = chain(id);
        return chain.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(chain.get(chain.size() - 1));
    }

    /** Session {@code id}'s row and those of the sessions it was put back on air as, oldest first. */
    public List<SessionRecord> chain(long id) {
        List<SessionRecord> out = new java.util.ArrayList<>();
        Long next = id;
        for (int hops = 0; next != null && hops < 100; hops++) {
            List<SessionRecord> row = Sql.select("SELECT " + COLUMNS + " FROM broadcast_session").where("id = ?", next)
                    .list(db, "id", 1, SessionJournal::record);
            if (row.isEmpty()) {
                break;
            }
            out.add(row.get(0));
            next = row.get(0).resumedAs();
        }
        return out;
    }

    /** Marks a held session from a schedule as never aired, so the schedule's misfire handling takes it. */
    public void unaired(long id) {
        Sql.update(db, "UPDATE broadcast_session SET state = ?, ended_at = ? WHERE id = ?", SessionRecord.UNAIRED,
                clock.instant(), id);
    }

    /** What was on air or held for later: oldest first, the order they are put back in. */
    public List<SessionRecord> active() {
        List<SessionRecord> out = new java.util.ArrayList<>(query(SessionRecord.ACTIVE, Integer.MAX_VALUE));
        out.addAll(query(SessionRecord.PENDING, Integer.MAX_VALUE));
        out.sort(java.util.Comparator.comparingLong(SessionRecord::id));
        return out;
    }

    /** Whether a session from {@code origin} meant to be heard at {@code audibleAt} was journaled and not left unaired. */
    public boolean has(String origin, Instant audibleAt) {
        return !Sql.select("SELECT id FROM broadcast_session").where("origin = ?", origin).where("audible_at = ?", audibleAt)
                .where("state <> ?", SessionRecord.UNAIRED)
                .list(db, "id", 1, rs -> rs.getLong(1)).isEmpty();
    }

    /** Newest first; null state matches all. */
    public List<SessionRecord> query(String state, int limit) {
        return Sql.select("SELECT " + COLUMNS + " FROM broadcast_session").where("state = ?", state)
                .list(db, "id DESC", limit, SessionJournal::record);
    }

    private static SessionRecord record(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SessionRecord(rs.getLong(1), Sql.instant(rs, 2), Sql.instant(rs, 3), rs.getString(4), rs.getString(5),
                rs.getLong(6), StoredJson.read(rs.getString(7), BroadcastRequest.class), rs.getString(8), rs.getString(9),
                Sql.instant(rs, 10), rs.getObject(11, Long.class));
    }

    /** Lets every queued write finish. */
    @Override
    public void close() {
        retry.shutdownNow();
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
