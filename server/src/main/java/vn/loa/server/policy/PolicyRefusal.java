package vn.loa.server.policy;

import vn.loa.server.auth.Principal;

/**
 * The policy's no: which rule refused whom, and a sentence that says why. The HTTP layer answers 403 for
 * a refusal of rights and 400 for a claim the caller may not make in a request body, with the reason's
 * code, and the audit names the principal.
 */
public final class PolicyRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why; {@code code} is stable, because the console keys its translations on it. */
    public enum Reason {
        /** A target station or area lies outside the user's scope. */
        OUTSIDE_SCOPE("outside_scope", true),
        /** The EMERGENCY class (airing or stopping it) is for roles with emergency rights. */
        EMERGENCY_RIGHTS_REQUIRED("emergency_rights_required", true),
        /** The officer who asked for an EMERGENCY cannot also be the second officer. */
        SELF_CONFIRMATION("self_confirmation", true),
        /** A library item belongs to an area the user does not answer for. */
        LIBRARY_ITEM_NOT_YOURS("library_item_not_yours", true),
        /** The body claims an issuer level other than the one the user's scope gives. */
        ISSUER_LEVEL_NOT_YOURS("issuer_level_not_yours", false),
        /** A user with several areas must say which one a new library item belongs to. */
        AREA_REQUIRED("area_required", false),
        /** The area named for a new library item is not in the administrative tree. */
        UNKNOWN_AREA("unknown_area", false);

        private final String code;
        private final boolean forbidden;

        Reason(String code, boolean forbidden) {
            this.code = code;
            this.forbidden = forbidden;
        }

        public String code() {
            return code;
        }

        /** True for a lack of rights (403); false for a request the caller should not have written (400). */
        public boolean forbidden() {
            return forbidden;
        }
    }

    private final Reason reason;
    private final transient Principal principal;
    private final transient java.util.Map<String, String> params = new java.util.LinkedHashMap<>();

    public PolicyRefusal(Reason reason, Principal principal, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.principal = principal;
    }

    public Reason reason() {
        return reason;
    }

    public Principal principal() {
        return principal;
    }
    /** Also names {@code value} under {@code name} for the console's sentence; a null value is left out. */
    public PolicyRefusal with(String name, Object value) {
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
