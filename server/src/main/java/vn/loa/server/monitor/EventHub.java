package vn.loa.server.monitor;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Fans live events out to subscribers (the SSE connections). Publishers run on network and playout
 * threads, so a subscriber must only hand the event on; a slow one loses events, never slows others.
 */
public final class EventHub {
    private final List<Consumer<LiveEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final Clock clock;

    public EventHub(Clock clock) {
        this.clock = clock;
    }

    public void publish(String type, String station, Object data) {
        LiveEvent event = new LiveEvent(ids.incrementAndGet(), type, station, clock.instant(), data);
        for (Consumer<LiveEvent> s : subscribers) {
            s.accept(event);
        }
    }

    /** Returns what to run to unsubscribe. */
    public Runnable subscribe(Consumer<LiveEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    public int subscribers() {
        return subscribers.size();
    }
}
