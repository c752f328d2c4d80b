package vn.loa.server.broadcast;

/** A broadcast request that cannot be planned, with the sentence the operator will read (an HTTP 400). */
public final class PlanException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    public PlanException(String message) {
        this("bad_request", message);
    }

    /** @param code the stable code of the 400, e.g. {@code too_many_times} */
    public PlanException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
