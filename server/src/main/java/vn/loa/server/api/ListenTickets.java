package vn.loa.server.api;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.loa.server.auth.Principal;

/**
 * One-use tickets for {@code /listen/{station}?ticket=...}: a browser's audio element cannot send a
 * bearer header, and a token must not sit in a URL, so the console trades its token for a ticket that
 * opens one stream of one station within a minute and then is gone.
 */
public final class ListenTickets {
    private static final Duration VALID_FOR = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Ticket(String station, Principal holder, Instant expires) {
    }

    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
    private final Clock clock;

    public ListenTickets(Clock clock) {
        this.clock = clock;
    }

    String issue(String station, Principal holder) {
        Instant now = clock.instant();
        tickets.values().removeIf(t -> t.expires().isBefore(now));
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tickets.put(ticket, new Ticket(station, holder, now.plus(VALID_FOR)));
        return ticket;
    }

    /** The holder, if the ticket is valid for this station; either way the ticket is used up. */
    Optional<Principal> redeem(String ticket, String station) {
        Ticket t = ticket == null ? null : tickets.remove(ticket);
        if (t == null || !t.station().equals(station) || t.expires().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(t.holder());
    }
}
