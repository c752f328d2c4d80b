package vn.loa.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which failures are storage faults, and which are not: a refused value must stay a refusal, not a 507. */
class StorageFaultTest {
    @Test
    void faultsAreNamedByWhatTheDriverAndTheKernelSay() {
        assertEquals(Optional.of(StorageFault.FULL), StorageFault.of(new StoreException("update failed",
                new SQLException("could not extend file", "53100"))), "PostgreSQL disk_full");
        assertEquals(Optional.of(StorageFault.FULL), StorageFault.of(new RuntimeException("wrapped",
                new SQLException("IO Exception", "90028", new IOException("No space left on device")))), "H2 on ENOSPC");
        assertEquals(Optional.of(StorageFault.UNREACHABLE), StorageFault.of(new SQLException("connection refused",
                "08001")), "PostgreSQL not answering");
        assertEquals(Optional.of(StorageFault.UNREACHABLE), StorageFault.of(new SQLTransientConnectionException(
                "loa-db - Connection is not available, request timed out after 5000ms.")), "the pool gave up");
        assertEquals(Optional.of(StorageFault.FULL), StorageFault.of(new SQLException("closed", "08003",
                new IOException("No space left on device"))), "a full disk wins over the connection it closed");
        assertEquals(Optional.empty(), StorageFault.of(new SQLIntegrityConstraintViolationException("duplicate key",
                "23505")), "a duplicate is the request's fault");
        assertEquals(Optional.empty(), StorageFault.of(new SQLException("Value too long", "22001")));
    }

    @Test
    void h2sFileStoreFailingToWriteIsAFullDiskNotAnUnknownError() {
        // As H2 2.x reports it: error 50000 "General error: MVStoreException: Writing to ... failed", with
        // a cause chain that need not mention ENOSPC (the reviewer's log showed none).
        org.h2.mvstore.MVStoreException write = org.h2.mvstore.DataUtils.newMVStoreException(
                org.h2.mvstore.DataUtils.ERROR_WRITING_FAILED, "Writing to {0} failed; length {1} at {2}",
                "/data/loa.mv.db", 4096, 1_234_567, new java.nio.channels.ClosedChannelException());
        SQLException general = org.h2.message.DbException.convert(write).getSQLException();
        assertEquals(50000, general.getErrorCode(), general.toString());
        assertEquals(Optional.of(StorageFault.FULL), StorageFault.of(general), "as the driver throws it");
        assertEquals(Optional.of(StorageFault.FULL), StorageFault.of(new SQLException(general.getMessage(),
                general.getSQLState(), 50000)), "by its message, should the cause be lost on the way");
        assertEquals(Optional.of(StorageFault.FULL), StorageFault.of(new StoreException("insert failed", general)));
        assertEquals(Optional.empty(), StorageFault.of(new SQLException("General error: java.lang.NullPointerException",
                "HY000", 50000)), "another general error is a bug, not a full disk");
    }
}
