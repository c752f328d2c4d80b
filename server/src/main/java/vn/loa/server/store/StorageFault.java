package vn.loa.server.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * Why the store cannot take a write right now, as a client should hear it: the disk is full (HTTP
 * 507, retry once space is freed) or the database cannot be reached (503, retry shortly). Anything
 * else that goes wrong in SQL is not a storage fault but a bug or a refused value.
 */
public enum StorageFault {
    FULL(507, "storage_full", "the server's storage is full; nothing was changed. Retry once space is freed"),
    UNREACHABLE(503, "storage_unavailable", "the server's database cannot be reached; nothing was changed. Retry shortly");

    /** PostgreSQL's disk_full and out-of-memory-for-disk class; see its errcodes appendix. */
    private static final String PG_DISK_FULL = "53100";
    /** H2: the database was closed (after a write it could not complete, or by an admin). */
    private static final int H2_DATABASE_CLOSED = 90098;

    public final int httpStatus;
    public final String code;
    public final String sentence;

    StorageFault(int httpStatus, String code, String sentence) {
        this.httpStatus = httpStatus;
        this.code = code;
        this.sentence = sentence;
    }

    /** The storage fault somewhere in {@code failure}'s causes, if it is one; a full disk wins over the rest. */
    public static Optional<StorageFault> of(Throwable failure) {
        StorageFault found = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            StorageFault here = classify(t);
            if (here == FULL) {
                return Optional.of(FULL);
            }
            if (here != null) {
                found = here;
            }
        }
        return Optional.ofNullable(found);
    }

    private static StorageFault classify(Throwable t) {
        if (t instanceof StorageFaultException e) {
            return e.fault();
        }
        String message = String.valueOf(t.getMessage());
        if (message.contains("No space left on device") || message.contains("ENOSPC")) {
            return FULL;
        }
        if (t instanceof SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.equals(PG_DISK_FULL)) {
                return FULL;
            }
            if (state.startsWith("08") || state.startsWith("57P") || e.getErrorCode() == H2_DATABASE_CLOSED
                    || e instanceof SQLTransientConnectionException) {
                return UNREACHABLE;
            }
        }
        return null;
    }
}
