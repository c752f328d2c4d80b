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
import vn.loa.server.playout.SessionEndListener;
import vn.loa.server.store.Sql;
import vn.loa.server.store.StoredJson;
import vn.loa.server.store.StoreException;

/**
 * Every acknowledged session in the broadcast_session table, with the request that made it, so that
 * after a crash the server knows what was on air. All writes run on one thread in arrival order: a
 * short session can end before its start is recorded, and the order makes that harmless (the end is
 * remembered and the row is written already ended).
 */
public final class SessionJournal implements SessionEndListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SessionJournal.class);
    private static final String COLUMNS = "id, created_at, audible_at, title, priority, duration_ms, request, origin, "
            + "state, ended_at, resumed_as";
    private final DataSource db;
    private final Clock clock;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "session-journal");
        t.setDaemon(true);
        return t;
    });
    /** Sessions that ended before their row was written; touched only on the writer thread. */
    private final Map<Long, String> endedUnrecorded = new HashMap<>();

    public SessionJournal(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Completes once the session's row is committed.
     *
     * @param programmeStart when the programme's first frame is (or would have been) heard: a late join
     *                       started earlier than it was heard, so a resume can compute where it stands
     */
    public CompletableFuture<Void> started(long id, BroadcastRequest request, BroadcastPlan plan, Instant programmeStart,
                                           String origin) {
        Instant now = clock.instant();
        String json = StoredJson.write(request);
        return CompletableFuture.runAsync(() -> {
            String endedAs = endedUnrecorded.remove(id);
            Sql.update(db, "INSERT INTO broadcast_session (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, now, programmeStart, plan.title(), plan.priority().name(),
                    plan.programme().durationMillis(), json, origin, endedAs == null ? SessionRecord.ACTIVE : endedAs,
                    endedAs == null ? null : now, null);
        }, writer);
    }

    @Override
    public void ended(long sessionId, boolean cancelled) {
        String state = cancelled ? SessionRecord.CANCELLED : SessionRecord.ENDED;
        Instant at = clock.instant();
        writer.execute(() -> {
            try {
                int rows = Sql.update(db, "UPDATE broadcast_session SET state = ?, ended_at = ? WHERE id = ? AND state = ?",
                        state, at, sessionId, SessionRecord.ACTIVE);
                if (rows == 0 && endedUnrecorded.size() < 10_000) {
                    endedUnrecorded.put(sessionId, state);
                }
            } catch (StoreException e) {
                // The worst outcome is a session the next start believes was still on air; it then ends it.
                log.error("Cannot record the end of session {}: {}", sessionId, e.getMessage());
            }
        });
    }

    /** Marks a session that was on air when the server stopped: put back on air as {@code resumedAs}, or not. */
    public void settled(long id, Long resumedAs) {
        Sql.update(db, "UPDATE broadcast_session SET state = ?, ended_at = ?, resumed_as = ? WHERE id = ?",
                resumedAs == null ? SessionRecord.INTERRUPTED : SessionRecord.RESUMED, clock.instant(), resumedAs, id);
    }

    public List<SessionRecord> active() {
        return query(SessionRecord.ACTIVE, Integer.MAX_VALUE);
    }

    /** Whether a session from {@code origin} meant to be heard at {@code audibleAt} was journaled, in any state. */
    public boolean has(String origin, Instant audibleAt) {
        return !Sql.select("SELECT id FROM broadcast_session").where("origin = ?", origin).where("audible_at = ?", audibleAt)
                .list(db, "id", 1, rs -> rs.getLong(1)).isEmpty();
    }

    /** Newest first; null state matches all. */
    public List<SessionRecord> query(String state, int limit) {
        return Sql.select("SELECT " + COLUMNS + " FROM broadcast_session").where("state = ?", state)
                .list(db, "id DESC", limit, rs -> new SessionRecord(rs.getLong(1), Sql.instant(rs, 2), Sql.instant(rs, 3),
                        rs.getString(4), rs.getString(5), rs.getLong(6),
                        StoredJson.read(rs.getString(7), BroadcastRequest.class), rs.getString(8), rs.getString(9),
                        Sql.instant(rs, 10), rs.getObject(11, Long.class)));
    }

    /** Lets every queued write finish. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
