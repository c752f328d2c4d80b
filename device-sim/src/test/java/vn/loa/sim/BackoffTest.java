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
}
