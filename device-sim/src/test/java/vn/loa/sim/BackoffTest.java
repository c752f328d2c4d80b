package vn.loa.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delaysStayWithinTheGrowingCeilingAndTheMaximum() {
        Backoff backoff = new Backoff(500, 30_000);
        for (int attempt = 0; attempt < 40; attempt++) {
            long ceiling = Math.min(30_000, 500L << Math.min(attempt, 20));
            long delay = backoff.nextDelayMs();
            assertTrue(delay >= 0 && delay <= ceiling, "attempt " + attempt + ": " + delay + " > " + ceiling);
        }
        assertEquals(40, backoff.attempts());
    }

    @Test
    void jitterSpreadsReconnectsRatherThanSynchronisingThem() {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 1_000; i++) {
            Backoff b = new Backoff(500, 30_000);
            for (int k = 0; k < 6; k++) {
                b.nextDelayMs();
            }
            long d = b.nextDelayMs();
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertTrue(max - min > 20_000, "1000 receivers at attempt 6 spread over " + (max - min) + " ms");
    }

    @Test
    void resetStartsAgainFromTheBase() {
        Backoff b = new Backoff(500, 30_000);
        for (int k = 0; k < 10; k++) {
            b.nextDelayMs();
        }
        b.reset();
        assertTrue(b.nextDelayMs() <= 500);
    }

    @Test
    void anAnnouncedRestartKeepsAttemptsAtMostFourSecondsApartUntilConnected() {
        Backoff b = new Backoff(500, 30_000);
        b.expectRestart(SimulatedReceiver.RESTART_BACKOFF_CAP_MS);
        for (int k = 0; k < 50; k++) {
            assertTrue(b.nextDelayMs() <= 4_000);
        }
        b.reset();
        for (int k = 0; k < 10; k++) {
            b.nextDelayMs();
        }
        long longest = 0;
        for (int i = 0; i < 200; i++) {
            longest = Math.max(longest, b.nextDelayMs());
        }
        assertTrue(longest > 4_000, "after reconnecting, an unannounced loss backs off up to 30 s again: " + longest);
    }
}
