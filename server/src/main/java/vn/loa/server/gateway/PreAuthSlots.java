package vn.loa.server.gateway;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Counts the connections still in the handshake, in all and per remote address. A connection holds a
 * slot from accept until WELCOME or close, whichever comes first.
 *
 * <p>Over the per-address cap a new connection is closed on accept: one machine cannot hold the gateway.
 * When all slots are taken, the <em>oldest</em> connection still in the handshake is closed to make room
 * for the new one, rather than the new one being refused: a real receiver finishes its handshake in two
 * round trips, so idle sockets from many addresses would have to be opened faster than that to keep it
 * out, where refusing the newcomer would let them lock every receiver out until the handshake deadline.
 */
final class PreAuthSlots {
    /** Why a connection was closed before its handshake. */
    enum Refusal { TOTAL, PER_ADDRESS }

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
                    perAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
                }
            }
        }
    }

    /** The outcome of {@link #acquire}: a slot or the refusal, and the connection evicted to make room, if any. */
    record Acquired(Slot slot, Refusal refusal, Slot evicted) {
        /** Closes the evicted connection; called outside the lock. */
        void closeEvicted() {
            if (evicted != null) {
                evicted.close.run();
            }
        }
    }

    private final int total;
    private final int perAddressCap;
    /** In order of acquisition, so the first is the oldest. */
    private final Set<Slot> held = new LinkedHashSet<>();
    private final Map<InetAddress, Integer> perAddress = new HashMap<>();

    PreAuthSlots(int total, int perAddress) {
        this.total = total;
        this.perAddressCap = perAddress;
    }

    /** @param close closes the connection, should it be evicted later */
    synchronized Acquired acquire(InetAddress address, Runnable close) {
        if (perAddress.getOrDefault(address, 0) >= perAddressCap) {
            return new Acquired(null, Refusal.PER_ADDRESS, null);
        }
        Slot evicted = null;
        if (held.size() >= total) {
            Iterator<Slot> oldest = held.iterator();
            evicted = oldest.next();
            evicted.release();
        }
        Slot slot = new Slot(address, close);
        held.add(slot);
        perAddress.merge(address, 1, Integer::sum);
        return new Acquired(slot, null, evicted);
    }
}
