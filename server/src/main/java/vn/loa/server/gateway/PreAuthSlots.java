package vn.loa.server.gateway;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import vn.loa.server.config.ReceiverLimits;

/**
 * Counts the connections still in the handshake, in all and per remote address. A connection holds a
 * slot from accept until WELCOME or close, whichever comes first; without a free slot it is closed on
 * accept, which costs the server one accept and no file descriptor kept. Idle sockets that never speak
 * are let go by the handshake deadline, so the slots they held come back by themselves.
 */
final class PreAuthSlots {
    /** Why a connection got no slot. */
    enum Refusal { TOTAL, PER_ADDRESS }

    /** A held slot; release() is idempotent, so success and close may both call it. */
    final class Slot {
        private final InetAddress address;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(InetAddress address) {
            this.address = address;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                total.decrementAndGet();
                perAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() == 0 ? null : n);
            }
        }
    }

    /** The outcome of {@link #acquire}: a slot, or the refusal. */
    record Acquired(Slot slot, Refusal refusal) {
    }

    private final ReceiverLimits limits;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentMap<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    PreAuthSlots(ReceiverLimits limits) {
        this.limits = limits;
    }

    Acquired acquire(InetAddress address) {
        if (total.incrementAndGet() > limits.preAuthConnections()) {
            total.decrementAndGet();
            return new Acquired(null, Refusal.TOTAL);
        }
        boolean[] granted = {false};
        perAddress.compute(address, (a, n) -> {
            AtomicInteger count = n == null ? new AtomicInteger() : n;
            granted[0] = count.get() < limits.preAuthPerAddress();
            if (granted[0]) {
                count.incrementAndGet();
            }
            return count.get() == 0 ? null : count;
        });
        if (!granted[0]) {
            total.decrementAndGet();
            return new Acquired(null, Refusal.PER_ADDRESS);
        }
        return new Acquired(new Slot(address), null);
    }

    int inHandshake() {
        return total.get();
    }
}
