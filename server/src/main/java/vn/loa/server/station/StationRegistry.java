package vn.loa.server.station;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Which stations are online and what they last reported. Written from the gateway's event loops,
 * read by the API; every update is an atomic replace of an immutable {@link StationPresence}, and
 * updates from a connection that is no longer the station's current one are ignored.
 */
public final class StationRegistry {
    private final ConcurrentMap<String, StationPresence> presence = new ConcurrentHashMap<>();
    private final Clock clock;
    private final List<PresenceListener> listeners = new CopyOnWriteArrayList<>();
    private final ReceiverCounters counters = new ReceiverCounters();

    public StationRegistry(Clock clock) {
        this.clock = clock;
    }

    public void addListener(PresenceListener listener) {
        listeners.add(listener);
    }

    public void connected(String stationId, long connectionId, String remoteAddress, String firmware,
                          Set<String> capabilities) {
        Instant now = clock.instant();
        presence.put(stationId, new StationPresence(true, connectionId, now, now, remoteAddress, firmware,
                capabilities, null, null));
        listeners.forEach(l -> l.online(stationId));
    }

    public void heard(String stationId, long connectionId) {
        presence.computeIfPresent(stationId,
                (id, p) -> p.connectionId() == connectionId ? p.heard(clock.instant()) : p);
    }

    public void statusReported(String stationId, long connectionId, StationStatus status) {
        StationStatus[] previous = {null};
        boolean[] current = {false};
        presence.computeIfPresent(stationId, (id, p) -> {
            if (p.connectionId() != connectionId) {
                return p;
            }
            current[0] = true;
            previous[0] = p.status();
            return p.withStatus(status);
        });
        if (current[0]) {
            listeners.forEach(l -> l.statusReported(stationId, previous[0], status));
        }
    }

    /** @return whether this connection was the current one and the station is now offline. */
    public boolean disconnected(String stationId, long connectionId, String reason) {
        boolean[] changed = {false};
        presence.computeIfPresent(stationId, (id, p) -> {
            if (p.connectionId() != connectionId) {
                return p;
            }
            changed[0] = true;
            return p.offline(reason);
        });
        if (changed[0]) {
            listeners.forEach(l -> l.offline(stationId));
        }
        return changed[0];
    }

    public StationPresence presence(String stationId) {
        return presence.getOrDefault(stationId, StationPresence.NEVER_SEEN);
    }

    public long onlineCount() {
        return presence.values().stream().filter(StationPresence::online).count();
    }

    /** The receiver edge's refusals and coalesced history, for /metrics. */
    public ReceiverCounters counters() {
        return counters;
    }

    public Instant now() {
        return clock.instant();
    }
}
