package vn.loa.sim;

import java.time.Instant;

/** The receiver's wall clock in microseconds, the protocol's unit; milliseconds would make short round trips read as negative. */
final class Micros {
    private Micros() {
    }

    static long now() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }
}
