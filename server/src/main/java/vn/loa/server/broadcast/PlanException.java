package vn.loa.server.broadcast;

/** A broadcast request that cannot be planned, with the sentence the operator will read (an HTTP 400). */
public final class PlanException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PlanException(String message) {
        super(message, null, false, false);
    }
}
