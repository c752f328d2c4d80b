package vn.loa.server.alert;

/** An alert step that cannot be taken; {@code conflict} when it is the alert's state that forbids it (409), else 400. */
public final class AlertRefused extends RuntimeException {
    private final boolean conflict;

    AlertRefused(String message, boolean conflict) {
        super(message);
        this.conflict = conflict;
    }

    public boolean conflict() {
        return conflict;
    }
}
