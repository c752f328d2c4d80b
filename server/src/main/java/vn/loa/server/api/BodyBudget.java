package vn.loa.server.api;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many bytes of request bodies all connections together may be collecting at once. Each
 * connection holds at most one body, but thousands of connections each parking just under the JSON
 * limit would still fill direct memory; so a body is let in only when its length (a chunked one: its
 * route's limit) fits in what is left, and otherwise answered 503 from its head.
 */
final class BodyBudget {
    private final long capacity;
    private final AtomicLong reserved = new AtomicLong();

    BodyBudget(long capacity) {
        this.capacity = capacity;
    }

    /** Takes {@code bytes} from the budget; false, taking nothing, when they do not fit. */
    boolean reserve(long bytes) {
        long now;
        do {
            now = reserved.get();
            if (now + bytes > capacity) {
                return false;
            }
        } while (!reserved.compareAndSet(now, now + bytes));
        return true;
    }

    void release(long bytes) {
        reserved.addAndGet(-bytes);
    }

    long reserved() {
        return reserved.get();
    }

    long capacity() {
        return capacity;
    }
}
