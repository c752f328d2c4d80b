package vn.loa.server.gateway;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * Counts the connections still in the handshake, in all and per remote address. A connection holds a
 * slot from accept until WELCOME or close, whichever comes first.
 *
 * <p>A new connection is never refused. Over the per-address cap the <em>oldest</em> connection still in
 * the handshake from the same address is closed to make room, and when all slots are taken the oldest of
 * all is. Refusing the newcomer instead lets whoever gets there first keep every later connection out: one
 * device behind the receivers' NAT holding 32 idle sockets, reopened as the deadline closes them, kept every
 * receiver behind that NAT offline. A real receiver finishes its handshake in two round trips, so to keep it
 * out an attacker must now open a full cap's worth of connections, from its address or in all, within
 * those two round trips, and keep doing so.
 */
final class PreAuthSlots {
    /** Which cap made room for a new connection by closing an older one. */
    enum Cap { TOTAL, PER_ADDRESS }

    /** A held slot; release() is idempotent, so WELCOME and close may both call it. */
    final class Slot {
        private final InetAddress address;
        private final Runnable close;
        private boolean released;

        private Slot(InetAddress address, Runnable close) {
            this.address = address;
            this.close = close;
        }

        void release() {
            synchronized (PreAuthSlots.this) {
                if (!released) {
                    released = true;
                    held.remove(this);
                    LinkedHashSet<Slot> fromAddress = byAddress.get(address);
                    fromAddress.remove(this);
                    if (fromAddress.isEmpty()) {
                        byAddress.remove(address);
                    }
                }
            }
        }
    }

    /** The outcome of {@link #acquire}: the new slot, and the connection closed to make room for it, if any. */
    record Acquired(Slot slot, Slot evicted, Cap cap) {
        /** Closes the evicted connection; called outside the lock. */
        void closeEvicted() {
            if (evicted != null) {
                evicted.close.run();
            }
        }
    }

    private final int total;
    private final int perAddressCap;
    /** In order of acquisition, so the first is the oldest; likewise for each address. */
    private final LinkedHashSet<Slot> held = new LinkedHashSet<>();
    private final Map<InetAddress, LinkedHashSet<Slot>> byAddress = new HashMap<>();

    PreAuthSlots(int total, int perAddress) {
        this.total = total;
        this.perAddressCap = perAddress;
    }

    /** @param close closes the connection, should it be evicted later */
    synchronized Acquired acquire(InetAddress address, Runnable close) {
        LinkedHashSet<Slot> fromAddress = byAddress.get(address);
        Slot evicted = null;
        Cap cap = null;
        if (fromAddress != null && fromAddress.size() >= perAddressCap) {
            evicted = fromAddress.iterator().next();
            cap = Cap.PER_ADDRESS;
        } else if (held.size() >= total) {
            evicted = held.iterator().next();
            cap = Cap.TOTAL;
        }
        if (evicted != null) {
            evicted.release();
        }
        Slot slot = new Slot(address, close);
        held.add(slot);
        byAddress.computeIfAbsent(address, a -> new LinkedHashSet<>()).add(slot);
        return new Acquired(slot, evicted, cap);
    }
}
