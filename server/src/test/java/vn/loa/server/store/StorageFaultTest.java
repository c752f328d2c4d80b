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
}
