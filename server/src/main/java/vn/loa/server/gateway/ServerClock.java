package vn.loa.server.gateway;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Server time in the protocol's unit, microseconds since the epoch. */
final class ServerClock {
    private final Clock clock;

    ServerClock(Clock clock) {
        this.clock = clock;
    }

    long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
    }
}
