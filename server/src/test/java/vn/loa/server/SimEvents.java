package vn.loa.server;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import vn.loa.sim.EventLog;
import vn.loa.sim.SimEvent;

/** Collects the simulator's events in memory so tests can wait for and inspect them. */
public final class SimEvents {
    private final Queue<SimEvent> events = new ConcurrentLinkedQueue<>();
    private final EventLog log = new EventLog(null);

    public SimEvents() {
        log.addListener(events::add);
    }

    public EventLog log() {
        return log;
    }

    public List<SimEvent> of(String station, String event) {
        return events.stream().filter(e -> e.station().equals(station) && e.event().equals(event)).toList();
    }

    public boolean has(String station, String event, Predicate<SimEvent> condition) {
        return of(station, event).stream().anyMatch(condition);
    }

    public boolean has(String station, String event, String field, Object value) {
        return has(station, event, e -> value.equals(e.field(field)));
    }
}
