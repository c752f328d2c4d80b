package vn.loa.server.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts invalid tokens per client address, so nobody can guess tokens at network speed: after
 * {@code limit} failures within the window, that address is answered 429 until its oldest failure leaves
 * the window, before any token it sends is even looked at. Other addresses are not affected, and a valid
 * token does not clear the count (a guesser who owns one token must not be able to reset the clock).
 */
final class FailedTokens {
    /** More addresses than this at once is an attack in itself: the table starts afresh rather than grow. */
    private static final int MAX_ADDRESSES = 100_000;
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    /** An address that failed too often; mapped to 429 with Retry-After. */
    static final class Blocked extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;
        private final String code;

        Blocked(long retryAfterSeconds) {
            this("too_many_failed_tokens", "too many invalid tokens from this address", retryAfterSeconds);
        }

        Blocked(String code, String what, long retryAfterSeconds) {
            super(what + "; try again in " + retryAfterSeconds + " s", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
            this.code = code;
        }

        String code() {
            return code;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    FailedTokens(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** @throws Blocked when this address has used up its failures */
    void check(String address) {
        long wait = waitFor(address);
        if (wait > 0) {
            throw new Blocked(wait);
        }
    }

    /** Seconds until this key may fail again, or 0 when it has failures left. */
    long waitFor(String address) {
        Deque<Instant> times = failures.get(address);
        if (times == null) {
            return 0;
        }
        Instant now = clock.instant();
        synchronized (times) {
            expire(times, now);
            if (times.size() >= limit) {
                long wait = Duration.between(now, times.peekFirst().plus(window)).toSeconds() + 1;
                return Math.max(1, wait);
            }
        }
        return 0;
    }

    void failed(String address) {
        if (failures.size() >= MAX_ADDRESSES) {
            failures.clear();
        }
        Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        Instant now = clock.instant();
        synchronized (times) {
            expire(times, now);
            times.addLast(now);
            while (times.size() > limit) {
                times.removeFirst();
            }
        }
    }

    private void expire(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.removeFirst();
        }
    }

    /** The address without its port: "10.0.0.9:5555" and "[::1]:80"-style forms alike. */
    static String host(String address) {
        int colon = address == null ? -1 : address.lastIndexOf(':');
        return colon <= 0 ? String.valueOf(address) : address.substring(0, colon);
    }
}
