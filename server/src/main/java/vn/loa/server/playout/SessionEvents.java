package vn.loa.server.playout;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one stream of session events. Any number of subscribers, each with the executor it is called
 * on: playout publishes from its own thread and only hands each event to those executors, so a
 * subscriber that writes to a database or waits on a lock never holds up the audio. A subscriber
 * sees events in the order they were published as long as its executor runs tasks in order (a
 * single thread). Registering never replaces an earlier subscriber.
 */
public final class SessionEvents {
    private static final Logger log = LoggerFactory.getLogger(SessionEvents.class);

    private record Subscriber(String name, Executor executor, Consumer<SessionEvent> consumer) {
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    /**
     * @param executor where {@code consumer} runs; a single thread of the subscriber's own for one that
     *                 does I/O, {@code Runnable::run} only for one that merely hands the event on
     */
    public void subscribe(String name, Executor executor, Consumer<SessionEvent> consumer) {
        subscribers.add(new Subscriber(name, executor, consumer));
    }

    /** Safe from any thread; never waits for a subscriber. */
    public void publish(SessionEvent event) {
        for (Subscriber s : subscribers) {
            try {
                s.executor().execute(() -> deliver(s, event));
            } catch (RejectedExecutionException e) {
                log.debug("Subscriber {} is closed; {} not delivered", s.name(), event);
            }
        }
    }

    private static void deliver(Subscriber s, SessionEvent event) {
        try {
            s.consumer().accept(event);
        } catch (RuntimeException e) {
            // One subscriber's failure must not silence the stream for the others.
            log.error("Subscriber {} failed on {}", s.name(), event, e);
        }
    }
}
