package vn.loa.server.playout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The watchdog reports a stalled playout thread once per stall, on a clock the test moves. */
class PlayoutWatchdogTest {
    private static final long MS = 1_000_000;

    @Test
    void reportsEachStallOnceAndNotATickThatIsMerelyDue() {
        AtomicLong lastTick = new AtomicLong(0);
        AtomicLong now = new AtomicLong(0);
        try (PlayoutWatchdog dog = new PlayoutWatchdog(lastTick::get, now::get)) {
            now.set(900 * MS);
            dog.check();
            assertEquals(0, dog.stalls(), "900 ms without a tick is not yet a stall");
            now.set(1_500 * MS);
            dog.check();
            now.set(2_500 * MS);
            dog.check();
            assertEquals(1, dog.stalls(), "one stall, reported once however long it lasts");
            lastTick.set(2_600 * MS);
            now.set(2_610 * MS);
            dog.check();
            now.set(4_000 * MS);
            dog.check();
            assertEquals(2, dog.stalls(), "ticks resumed, then stopped again: a second stall");
        }
    }
}
