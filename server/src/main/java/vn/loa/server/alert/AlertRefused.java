package vn.loa.server.alert;

/** An alert step that cannot be taken; {@code conflict} when it is the alert's state that forbids it (409), else 400. */
public final class AlertRefused extends RuntimeException {
    private final String code;
    private final boolean conflict;
    private final transient java.util.Map<String, String> params = new java.util.LinkedHashMap<>();

    /** @param code stable, because the console keys its translations on it, e.g. {@code alert_not_draft} */
    AlertRefused(String code, String message, boolean conflict) {
        super(message);
        this.code = code;
        this.conflict = conflict;
    }

    /** The planner's refusal of what an alert would air, under the planner's own code and values. */
    static AlertRefused of(vn.loa.server.broadcast.PlanException e) {
        AlertRefused refused = new AlertRefused(e.code(), e.getMessage(), false);
        e.params().forEach(refused::with);
        return refused;
    }

    public String code() {
        return code;
    }

    public boolean conflict() {
        return conflict;
    }

    /** Also names {@code value} under {@code name} for the console's sentence; a null value is left out. */
    public AlertRefused with(String name, Object value) {
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
