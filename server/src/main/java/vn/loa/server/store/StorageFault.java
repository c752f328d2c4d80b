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
    /** H2: a general error, which is how it reports that its file store could not write (MVStoreException). */
    private static final int H2_GENERAL_ERROR = 50000;
    /** How H2's file store words a write the disk refused ({@code DataUtils.ERROR_WRITING_FAILED}). */
    private static final String H2_WRITE_FAILED = "Writing to ";

    /** What a 503 for a store that cannot answer just now tells the client to wait: about one health probe. */
    public static final int RETRY_AFTER_SECONDS = 2;
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
        if (h2WriteFailed(t, message)) {
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

    /**
     * H2's file store could not write its file. Whatever the cause chain says (ENOSPC when the kernel
     * reports it, often nothing more than a closed channel), an embedded store that cannot write is full
     * for the client: 507, and the store heals once a probe write succeeds. The check is by name and
     * wording, not by H2's classes, so the server does not need H2 at compile time.
     */
    private static boolean h2WriteFailed(Throwable t, String message) {
        boolean mvStore = t.getClass().getName().equals("org.h2.mvstore.MVStoreException")
                && message.startsWith(H2_WRITE_FAILED);
        boolean general = t instanceof SQLException e && e.getErrorCode() == H2_GENERAL_ERROR
                && message.contains("MVStoreException: " + H2_WRITE_FAILED);
        return (mvStore || general) && message.contains(" failed");
    }
}
