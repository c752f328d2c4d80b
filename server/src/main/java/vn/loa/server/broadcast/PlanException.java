package vn.loa.server.broadcast;

/** A broadcast request that cannot be planned, with the sentence the operator will read (an HTTP 400). */
public final class PlanException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final transient java.util.Map<String, String> params = new java.util.LinkedHashMap<>();

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
    /** Also names {@code value} under {@code name} for the console's sentence; a null value is left out. */
    public PlanException with(String name, Object value) {
        if (value != null) {
            params.put(name, String.valueOf(value));
        }
        return this;
    }

    /** Named values of the refusal, in order; empty when it names none. */
    public java.util.Map<String, String> params() {
        return java.util.Collections.unmodifiableMap(params);
    }
}
