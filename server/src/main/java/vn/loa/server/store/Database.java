package vn.loa.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable store: an embedded H2 file by default, PostgreSQL by configuration, the same SQL for
 * both. Opens a connection pool and brings the schema up to date with Flyway before anything else runs.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private final HikariDataSource pool;
    private final StorageHealth health;
    private final ObservedDataSource observed;

    public Database(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("loa-db");
        // A lost PostgreSQL must answer 503 within seconds, not after Hikari's default half minute.
        config.setConnectionTimeout(5_000);
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the database " + redact(url) + ": " + rootMessage(e), e);
        }
        try {
            int applied = Flyway.configure().dataSource(pool).locations("classpath:db/migration")
                    .javaMigrations(new QuartzTablesMigration()).load().migrate().migrationsExecuted;
            log.info("Database {} ready ({} migration(s) applied now)", redact(url), applied);
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("cannot migrate the database " + redact(url) + ": " + rootMessage(e), e);
        }
        health = new StorageHealth(pool, localDirectory(url), () -> pool.getHikariPoolMXBean().softEvictConnections(),
                Clock.systemUTC());
        observed = new ObservedDataSource(pool, health);
    }

    /**
     * The default: an H2 file in the data directory. WRITE_DELAY=0 makes every commit reach the file
     * before it returns, so a commit that was acknowledged survives the process being killed.
     * DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook would close the database while ours is still
     * flushing the writers (receivers going offline at shutdown were lost that way); the server closes it last.
     * {@code async:} reads and writes the same file through an AsynchronousFileChannel, which an interrupt
     * does not close: with a plain FileChannel one interrupted thread (Quartz interrupts its misfire scanner
     * at shutdown, mid-query or not) closes the store for everyone, and the writers' last flush is lost.
     */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:async:" + dataDir.toAbsolutePath().resolve("loa") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The pool, every failure of which is seen by {@link #health()}. */
    public DataSource dataSource() {
        return observed;
    }

    public StorageHealth health() {
        return health;
    }

    /** The directory of an embedded H2 file store, whose disk health watches; null for anything else. */
    static Path localDirectory(String url) {
        if (!url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:") || url.startsWith("jdbc:h2:tcp:")
                || url.startsWith("jdbc:h2:ssl:")) {
            return null;
        }
        String file = url.substring("jdbc:h2:".length()).split(";", 2)[0].replaceFirst("^(async:|file:|nio:)+", "");
        Path parent = Path.of(file).toAbsolutePath().getParent();
        return parent != null && java.nio.file.Files.isDirectory(parent) ? parent : null;
    }

    /** Passwords never reach a log line. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /**
     * The innermost cause says what went wrong; some (a closed channel, an interrupt) carry no message,
     * and then their class and the nearest message above them say it instead.
     */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        String nearest = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            root = t;
            if (t.getMessage() != null) {
                nearest = t.getMessage();
            }
        }
        if (root.getMessage() != null) {
            return root.getMessage();
        }
        return root.getClass().getName() + (nearest == null ? "" : " (" + nearest + ")");
    }

    @Override
    public void close() {
        health.close();
        pool.close();
    }
}
