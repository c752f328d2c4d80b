package vn.loa.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends rows to one table from a writer thread of its own, so callers on network or playout threads
 * never wait for the disk. Whatever queued up while the last batch was being written goes in the next
 * one, in one transaction; each {@link #append} completes only once its row is committed, so whoever
 * acknowledges something on the strength of it can wait for that. While the store has a storage fault
 * (a full disk, a lost database) a batch is held and retried with a growing pause instead of being
 * dropped or retried in a loop; rows that arrive meanwhile join it, up to {@link #MAX_HELD_ROWS},
 * beyond which the oldest are failed and counted. Health shows the rows held. Whoever waits on a held
 * row is told of the fault at once (its future fails), so no HTTP answer hangs on the disk; the row
 * itself is still written once the store heals.
 */
public final class BatchWriter<T> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

    /** Sets the insert statement's parameters from one row. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement insert, T row) throws SQLException;
    }

    private record Pending<T>(T row, CompletableFuture<Void> done) {
    }

    /** Rows kept while the store cannot take them: about a minute of as-run entries for ten thousand stations. */
    static final int MAX_HELD_ROWS = 100_000;
    private static final long MAX_PAUSE_MILLIS = 5_000;
    private final Pending<T> end = new Pending<>(null, null);
    private volatile long heldRows;
    /** The fault rows are held for, while they are; null otherwise. */
    private volatile SQLException holding;
    private final java.util.concurrent.atomic.LongAdder droppedRows = new java.util.concurrent.atomic.LongAdder();
    private final String table;
    private final DataSource db;
    private final String insert;
    private final Binder<T> binder;
    private final BlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final long lingerMillis;
    private volatile boolean closed;

    public BatchWriter(String table, DataSource db, String insert, Binder<T> binder) {
        this(table, db, insert, binder, 0);
    }

    /**
     * @param lingerMillis how long to let rows gather after the first of a batch arrives: for rows
     *                     nobody waits for, so that a burst (ten thousand receivers reporting at once)
     *                     becomes one transaction, written after the burst rather than in the middle of it
     */
    public BatchWriter(String table, DataSource db, String insert, Binder<T> binder, long lingerMillis) {
        this.lingerMillis = lingerMillis;
        this.table = table;
        this.db = db;
        this.insert = insert;
        this.binder = binder;
        if (db instanceof ObservedDataSource observed) {
            observed.health().holding(table, () -> heldRows);
        }
        writer = new Thread(this::drain, table + "-writer");
        writer.setDaemon(true);
        writer.start();
    }

    public CompletableFuture<Void> append(T row) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new IllegalStateException(table + " writer closed"));
        } else {
            queue.add(new Pending<>(row, done));
            SQLException fault = holding;
            if (fault != null) {
                done.completeExceptionally(fault); // not committed now; written once the store heals
            }
        }
        return done;
    }

    private void drain() {
        List<Pending<T>> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
                linger(batch);
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch);
            boolean last = batch.remove(end);
            if (!batch.isEmpty()) {
                last |= write(batch);
            }
            batch.clear();
            if (last) {
                return;
            }
        }
    }

    /** Lets rows gather for the linger time, but stops at once when close() queues the end. */
    private void linger(List<Pending<T>> batch) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(lingerMillis);
        for (long left; batch.get(batch.size() - 1) != end && (left = deadline - System.nanoTime()) > 0; ) {
            Pending<T> next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    /** Writes the batch, holding it through storage faults; true if close() was asked for meanwhile. */
    private boolean write(List<Pending<T>> batch) {
        boolean last = false;
        long pause = 250;
        while (true) {
            try {
                commit(batch);
                batch.forEach(p -> p.done().complete(null));
                heldRows = 0;
                holding = null;
                return last;
            } catch (SQLException e) {
                if (!storageFault(e) || last) {
                    // Not the disk's fault (or shutting down): fail the waiters; the caller keeps running.
                    log.error("Writing {} rows to {} failed: {}", batch.size(), table, e.getMessage());
                    batch.forEach(p -> p.done().completeExceptionally(e));
                    heldRows = 0;
                    holding = null;
                    return last;
                }
                if (holding == null) {
                    log.error("Cannot write {} rows to {} ({}); holding them until the store heals", batch.size(),
                            table, e.getMessage());
                }
                holding = e;
                heldRows = batch.size();
                batch.forEach(p -> p.done().completeExceptionally(e));
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                batch.forEach(p -> p.done().completeExceptionally(interrupted));
                return true;
            }
            pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
            queue.drainTo(batch);
            last = batch.remove(end);
            dropBeyondBound(batch);
            heldRows = batch.size();
        }
    }

    /**
     * Whether the failure is the store's rather than the rows': named as a storage fault, or met while
     * the store is known to be degraded (a driver's wording for a broken store is not always known, and
     * a row dropped for a wording is lost for good).
     */
    private boolean storageFault(SQLException e) {
        return StorageFault.of(e).isPresent() || db instanceof ObservedDataSource observed && observed.health().degraded();
    }

    private void dropBeyondBound(List<Pending<T>> batch) {
        int excess = batch.size() - MAX_HELD_ROWS;
        if (excess > 0) {
            List<Pending<T>> oldest = batch.subList(0, excess);
            IllegalStateException full = new IllegalStateException(table + ": more than " + MAX_HELD_ROWS
                    + " rows waited for the store; the oldest were given up");
            oldest.forEach(p -> p.done().completeExceptionally(full));
            oldest.clear();
            droppedRows.add(excess);
            log.error("{}: gave up {} rows held through a storage fault ({} so far)", table, excess, droppedRows.sum());
        }
    }

    /** Rows given up because more than {@link #MAX_HELD_ROWS} waited through a storage fault. */
    public long droppedRows() {
        return droppedRows.sum();
    }

    private void commit(List<Pending<T>> batch) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                for (Pending<T> p : batch) {
                    binder.bind(ps, p.row());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // The connection is as broken as the write; the first failure is the one to report.
                }
                throw e;
            }
        }
    }

    /** Writes out everything already queued, then stops. */
    @Override
    public void close() {
        closed = true;
        queue.add(end);
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
