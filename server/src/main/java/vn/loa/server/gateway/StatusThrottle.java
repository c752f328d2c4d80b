package vn.loa.server.gateway;

/**
 * A token bucket for one connection's STATUS reports, touched only on its event loop: {@code perSecond}
 * tokens a second, at most twice that saved up. A STATUS without a token is not dropped but held, and
 * the newest one held is applied when the next token is due, so the registry (and the history and
 * monitoring behind it) see at most that many updates a second and always end on the receiver's latest state.
 */
final class StatusThrottle {
    private final long nanosPerToken;
    private final double capacity;
    private double tokens;
    private long refilledAt;

    StatusThrottle(int perSecond, long nowNanos) {
        this.nanosPerToken = 1_000_000_000L / perSecond;
        this.capacity = 2.0 * perSecond;
        this.tokens = capacity;
        this.refilledAt = nowNanos;
    }

    boolean tryTake(long nowNanos) {
        tokens = Math.min(capacity, tokens + (double) (nowNanos - refilledAt) / nanosPerToken);
        refilledAt = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** How long until {@link #tryTake} next succeeds. */
    long nanosUntilToken() {
        return Math.max(0, (long) Math.ceil((1 - tokens) * nanosPerToken));
    }
}
