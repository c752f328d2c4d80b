package vn.loa.server.confirm;

/**
 * A confirmation step that cannot be taken because of the request's state, not the caller's rights:
 * {@code code} is stable; {@code missing} means there is no such request (404), otherwise 409.
 */
public final class ConfirmationRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final boolean missing;

    ConfirmationRefused(String code, boolean missing, String message) {
        super(message, null, false, false);
        this.code = code;
        this.missing = missing;
    }

    public String code() {
        return code;
    }

    public boolean missing() {
        return missing;
    }
}
