package vn.loa.server.store;

import java.sql.SQLException;

/**
 * An SQL failure the store has recognised as a storage fault, with the fault it stands for. H2
 * reports a full disk once and then only "database closed"; the store knows which it was and says so.
 */
public final class StorageFaultException extends SQLException {
    private static final long serialVersionUID = 1L;
    private final StorageFault fault;

    public StorageFaultException(StorageFault fault, SQLException cause) {
        super(fault.sentence + " (" + cause.getMessage() + ")", cause.getSQLState(), cause.getErrorCode(), cause);
        this.fault = fault;
    }

    public StorageFault fault() {
        return fault;
    }
}
