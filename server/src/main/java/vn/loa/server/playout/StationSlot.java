package vn.loa.server.playout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One station's air: the session it plays now, and those waiting for it, each with where to begin. */
final class StationSlot {
    /** A session waiting on this station: how it will start (queued, resumed, restarted) and from which frame. */
    record Waiting(Broadcast broadcast, int fromFrame, String startEvent) {
    }

    private final String station;
    private Playback current;
    private final List<Waiting> waiting = new ArrayList<>();

    StationSlot(String station) {
        this.station = station;
    }

    String station() {
        return station;
    }

    Playback current() {
        return current;
    }

    void current(Playback playback) {
        current = playback;
    }

    void enqueue(Waiting w) {
        waiting.add(w);
    }

    /** Removes and returns the best-ranked waiting session, or null. */
    Waiting takeBest() {
        Waiting best = waiting.stream().min(Comparator.comparing(Waiting::broadcast, Rank.BEST_FIRST)).orElse(null);
        waiting.remove(best);
        return best;
    }

    void forget(Broadcast b) {
        waiting.removeIf(w -> w.broadcast() == b);
    }

    boolean waitingFor(Broadcast b) {
        return waiting.stream().anyMatch(w -> w.broadcast() == b);
    }
}
