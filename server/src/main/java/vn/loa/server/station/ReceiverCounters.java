package vn.loa.server.station;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the receiver edge refused or folded together, for /metrics. Kept beside the registry because
 * both the gateway (which refuses) and the history (which coalesces) already hold the registry.
 */
public final class ReceiverCounters {
    private final LongAdder refusedTotalCap = new LongAdder();
    private final LongAdder refusedAddressCap = new LongAdder();
    private final LongAdder statusThrottled = new LongAdder();
    private final LongAdder historyCoalesced = new LongAdder();

    /**
     * A connection closed before its handshake ended, to make room for a newer one: as the oldest in the
     * handshake from an address that had too many ({@code perAddress}), or as the oldest of all when every
     * slot was taken.
     */
    public void refusedPreAuth(boolean perAddress) {
        (perAddress ? refusedAddressCap : refusedTotalCap).increment();
    }

    /** A STATUS arrived faster than the connection's rate and was folded into a later one. */
    public void statusThrottled() {
        statusThrottled.increment();
    }

    public void historyCoalesced(long rows) {
        historyCoalesced.add(rows);
    }

    public long refusedTotalCap() {
        return refusedTotalCap.sum();
    }

    public long refusedAddressCap() {
        return refusedAddressCap.sum();
    }

    public long statusThrottledCount() {
        return statusThrottled.sum();
    }

    public long historyCoalesced() {
        return historyCoalesced.sum();
    }
}
