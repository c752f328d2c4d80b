package vn.loa.server.alert;

import java.time.Instant;

/**
 * One alert and where it stands in its workflow.
 *
 * @param state DRAFT → (AWAITING_CONFIRMATION →) ACTIVE → ENDED (aired its repeats), CANCELLED or EXPIRED;
 *              a draft or a waiting alert may also be CANCELLED or EXPIRE
 */
public record Alert(long id, String state, String title, String message, AlertContent content, Instant expiresAt,
                    String createdBy, Instant createdAt, String requestedBy, String confirmedBy, Instant activatedAt,
                    Instant endedAt, String endedBy, Long sessionId, Long testSession, Long correctionSession) {

    public static final String DRAFT = "DRAFT";
    public static final String AWAITING_CONFIRMATION = "AWAITING_CONFIRMATION";
    public static final String ACTIVE = "ACTIVE";
    public static final String ENDED = "ENDED";
    public static final String CANCELLED = "CANCELLED";
    public static final String EXPIRED = "EXPIRED";

    public boolean open() {
        return state.equals(DRAFT) || state.equals(AWAITING_CONFIRMATION) || state.equals(ACTIVE);
    }
}
