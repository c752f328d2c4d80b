package vn.loa.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClockFilterTest {

    @Test
    void aDelayedExchangeDoesNotMoveTheClock() {
        ClockFilter filter = new ClockFilter();
        assertEquals(1_000, filter.add(1_000, 400));
        // A reply that waited 1.2 s behind audio on one leg reads as a 600 ms offset: not taken.
        assertEquals(1_000, filter.add(600_000, 1_200_000));
        assertEquals(1_200, filter.add(1_200, 300));
    }

    @Test
    void theBestSampleAgesOutAfterEightExchanges() {
        ClockFilter filter = new ClockFilter();
        filter.add(5_000, 100);
        for (int i = 1; i < ClockFilter.SAMPLES; i++) {
            assertEquals(5_000, filter.add(9_000 + i, 1_000 + i));
        }
        assertEquals(9_001, filter.add(9_100, 2_000), "the 100 µs sample is gone; the next best of the last eight rules");
    }
}
