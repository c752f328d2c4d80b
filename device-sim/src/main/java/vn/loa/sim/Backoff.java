package vn.loa.sim;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with full jitter (docs/protocol.md, "Liveness"): attempt k waits a random time in
 * [0, min(max, base * 2^k)], so thousands of receivers do not hit a restarted server in the same instant.
 */
public final class Backoff {
    private final long baseMs;
    private final long maxMs;
    private int attempt;
    /** A lower ceiling while a restart announced with SHUTTING_DOWN is expected to be short; 0 when none. */
    private long restartCapMs;

    public Backoff(long baseMs, long maxMs) {
        this.baseMs = baseMs;
        this.maxMs = maxMs;
    }

    public long nextDelayMs() {
        long ceiling = Math.min(restartCapMs > 0 ? restartCapMs : maxMs, baseMs << Math.min(attempt, 20));
        attempt++;
        return ThreadLocalRandom.current().nextLong(ceiling + 1);
    }

    public int attempts() {
        return attempt;
    }

    public long maxMs() {
        return maxMs;
    }

    public void reset() {
        attempt = 0;
        restartCapMs = 0;
    }

    /** The server said it is restarting: keep retrying at most {@code capMs} apart until connected again. */
    public void expectRestart(long capMs) {
        restartCapMs = capMs;
    }
}
