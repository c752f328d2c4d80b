package vn.loa.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the store takes writes, and healing when it can again. A storage fault (a full disk, a
 * database gone) makes the store DEGRADED with the reason; from then on a probe evicts the pool's
 * connections, so broken ones are not handed out again and H2 reopens its file, and tries one small
 * committed write every few seconds. The first that succeeds makes the store UP again, with no
 * restart. The batch writers' held rows count too: rows still waiting for the disk are not healthy.
 */
public final class StorageHealth implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StorageHealth.class);
    static final long PROBE_MILLIS = 2_000;

    /** What health reports: UP, or DEGRADED with why, since when, and the rows writers still hold. */
    public record Report(String status, String fault, String reason, Instant since, Map<String, Long> heldRows) {
        public boolean up() {
            return status.equals("UP");
        }
    }

    private record Degraded(StorageFault fault, String reason, Instant since) {
    }

    /** Below this much free space on an embedded store's disk, the store is reported full. */
    static final long MIN_FREE_BYTES = 2L * 1024 * 1024;
    private final DataSource pool;
    private final Path localStore;
    private final Runnable evictConnections;
    private final Clock clock;
    private final Map<String, LongSupplier> writers = new ConcurrentHashMap<>();
    private volatile Degraded degraded;
    private static final long EVICT_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private final java.util.concurrent.atomic.AtomicLong lastEviction = new java.util.concurrent.atomic.AtomicLong(
            System.nanoTime() - EVICT_GAP_NANOS - 1);
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "storage-probe");
        t.setDaemon(true);
        return t;
    });

    /** @param localStore the directory of an embedded store (H2), whose free space is watched; null for a server */
    StorageHealth(DataSource pool, Path localStore, Runnable evictConnections, Clock clock) {
        this.pool = pool;
        this.localStore = localStore;
        this.evictConnections = evictConnections;
        this.clock = clock;
        prober.scheduleWithFixedDelay(this::probeIfDegraded, PROBE_MILLIS, PROBE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Records {@code e} if it is a storage fault and returns what to throw: the fault named (a closed
     * H2 after a full disk is still a full disk), or {@code e} itself when it is no storage fault.
     */
    SQLException failed(SQLException e) {
        StorageFault fault = StorageFault.of(e).orElse(null);
        if (fault == null) {
            return e;
        }
        Degraded now = degraded;
        if (now != null && now.fault() == StorageFault.FULL && fault == StorageFault.UNREACHABLE) {
            fault = StorageFault.FULL; // H2 closes itself after a write the disk refused
        }
        if (now == null || now.fault() != fault) {
            degraded = new Degraded(fault, Database.rootMessage(e), now == null ? clock.instant() : now.since());
            log.error("Storage {}: {}; writes are refused until it heals", fault, Database.rootMessage(e));
        }
        evictSoon();
        return e instanceof StorageFaultException ? e : new StorageFaultException(fault, e);
    }

    /**
     * Lets the pool drop its connections now rather than at the next probe: H2 closes itself after a
     * write the disk refused, and every read on the old connections would fail until then. Fresh ones
     * reopen the file, so a read retried at once can succeed. At most twice a second, since a failing
     * writer may report the same fault in a loop.
     */
    private void evictSoon() {
        long now = System.nanoTime();
        long last = lastEviction.get();
        if (now - last > EVICT_GAP_NANOS && lastEviction.compareAndSet(last, now)) {
            evictConnections.run();
        }
    }

    /** A writer whose held rows (not yet committed because of a fault) health should show. */
    public void holding(String writer, LongSupplier heldRows) {
        writers.put(writer, heldRows);
    }

    public Report report() {
        Map<String, Long> held = new TreeMap<>();
        writers.forEach((name, rows) -> {
            long n = rows.getAsLong();
            if (n > 0) {
                held.put(name, n);
            }
        });
        Degraded d = degraded;
        String lowSpace = lowSpace();
        if (d == null && lowSpace != null) {
            d = new Degraded(StorageFault.FULL, lowSpace, null);
        }
        if (d == null && held.isEmpty()) {
            return new Report("UP", null, null, null, held);
        }
        return new Report("DEGRADED", d == null ? null : d.fault().name(),
                d == null ? "rows waiting to be written: " + held : d.reason(), d == null ? null : d.since(), held);
    }

    /** Whether a storage fault is known now; writers use it to wait instead of hammering a full disk. */
    public boolean degraded() {
        return degraded != null;
    }

    private void probeIfDegraded() {
        Degraded d = degraded;
        if (d == null) {
            return;
        }
        // Fresh connections: a pool must not hand out ones that died with the fault, and H2, closed
        // by the write the disk refused, reopens its file once its last connection is gone.
        evictConnections.run();
        String lowSpace = lowSpace();
        if (lowSpace != null) {
            // A test write now would fail and close H2 again, taking reads down with it; wait for space.
            degraded = new Degraded(StorageFault.FULL, lowSpace, d.since());
            return;
        }
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE storage_probe SET checked_at = ? WHERE id = 1")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
            degraded = null;
            log.warn("Storage healed after {} ({}): writes are taken again", d.fault(), d.reason());
        } catch (SQLException | RuntimeException e) {
            StorageFault fault = StorageFault.of(e).orElse(d.fault());
            degraded = new Degraded(d.fault() == StorageFault.FULL && fault == StorageFault.UNREACHABLE
                    ? StorageFault.FULL : fault, Database.rootMessage(e), d.since());
            log.debug("Storage still {}: {}", fault, Database.rootMessage(e));
        }
    }

    /** Why the embedded store's disk counts as full, or null if it has room (or is not local). */
    private String lowSpace() {
        if (localStore == null) {
            return null;
        }
        try {
            long free = Files.getFileStore(localStore).getUsableSpace();
            return free < MIN_FREE_BYTES ? "only " + free / 1024 + " KiB free on the disk of " + localStore : null;
        } catch (IOException e) {
            return null; // cannot tell; the writes themselves will say
        }
    }

    @Override
    public void close() {
        prober.shutdownNow();
    }
}
