package vn.loa.server.playout;

import io.netty.buffer.ByteBuf;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.protocol.AudioEndReason;
import vn.loa.server.asrun.AsRunEntry;
import vn.loa.server.station.SendRound;
import vn.loa.server.station.StationOutlets;

/**
 * Station-by-station arbitration and the playbacks it runs: who takes the air, what happens to what
 * was cut, what starts when a station comes free. Runs on the engine thread only, so no locks; only
 * {@link #nowPlaying} is read from other threads.
 */
final class Arbiter {
    private static final Logger log = LoggerFactory.getLogger(Arbiter.class);
    private final StationOutlets outlets;
    private final AsRunWriter writer;
    private final Clock clock;
    private final Map<String, StationSlot> slots = new HashMap<>();
    private final List<Playback> playbacks = new ArrayList<>();
    private final ConcurrentMap<String, NowPlaying> nowPlaying = new ConcurrentHashMap<>();

    /** The as-run reason of a start on a station whose receiver was not connected. */
    public static final String OFFLINE_AT_START = "receiver offline; it joins if it reconnects";
    private final ListenTaps tap = new ListenTaps();
    private final SessionEvents events;

    void tap(ListenTap listenTap) {
        tap.add(listenTap);
    }

    Arbiter(StationOutlets outlets, AsRunWriter writer, Clock clock, SessionEvents events) {
        this.outlets = outlets;
        this.writer = writer;
        this.clock = clock;
        this.events = events;
    }

    /** Offers a new session to each of its stations; those it outranks start together, heard from {@code startAt}. */
    int offer(Broadcast b, List<String> stations, long now, long startAt, int fromFrame) {
        List<String> startNow = new ArrayList<>();
        Map<String, ByteBuf> cutEnds = new HashMap<>();
        List<Cut> cuts = new ArrayList<>();
        writer.hold();
        try {
            for (String station : stations) {
                StationSlot slot = slot(station);
                Playback holder = slot.current();
                if (holder != null && !Rank.preempts(b, holder.broadcast())) {
                    slot.enqueue(new StationSlot.Waiting(b, 0, AsRunEntry.STARTED));
                    writer.write(station, b, AsRunEntry.QUEUED, null, "behind session " + holder.broadcast().id());
                    continue;
                }
                if (holder != null) {
                    putIfSent(cutEnds, station, cut(slot, now, cuts));
                }
                startNow.add(station);
            }
            if (!startNow.isEmpty()) {
                launch(b, fromFrame, startNow, AsRunEntry.STARTED, now, startAt, cutEnds, cuts);
            }
        } finally {
            writer.releaseAfter(outlets.afterQueuedWrites(), startAt);
        }
        return startNow.size();
    }

    /** Stations of {@code stations} playing something {@code b} would cut: their start may wait. */
    List<String> busyBelow(Broadcast b, List<String> stations) {
        List<String> busy = new ArrayList<>();
        for (String station : stations) {
            StationSlot slot = slots.get(station);
            if (slot != null && slot.current() != null && Rank.preempts(b, slot.current().broadcast())) {
                busy.add(station);
            }
        }
        return busy;
    }

    /**
     * A session that was told to wait at most so long for its own class: where it still waits behind a
     * session of its class or lower, it cuts in now.
     */
    void waitedEnough(Broadcast b, long now) {
        if (b.finished()) {
            return;
        }
        for (StationSlot slot : List.copyOf(slots.values())) {
            Playback holder = slot.current();
            if (slot.waitingFor(b) && holder != null
                    && holder.broadcast().plan().priority().compareTo(b.plan().priority()) <= 0) {
                slot.forget(b);
                Map<String, ByteBuf> cutEnd = new HashMap<>();
                List<Cut> cuts = new ArrayList<>(1);
                putIfSent(cutEnd, slot.station(), cut(slot, now, cuts));
                launch(b, 0, List.of(slot.station()), AsRunEntry.STARTED, now, now + PlayoutEngine.START_DELAY_MICROS,
                        cutEnd, cuts);
            }
        }
    }

    private static void putIfSent(Map<String, ByteBuf> frames, String station, ByteBuf frame) {
        if (frame != null) {
            frames.put(station, frame);
        }
    }

    void cancel(Broadcast b, long now) {
        Map<StationSlot, Playback> left = new LinkedHashMap<>();
        SendRound ends = outlets.round();
        for (StationSlot slot : slots.values()) {
            Playback p = slot.current();
            if (p != null && p.broadcast() == b) {
                writer.write(slot.station(), b, AsRunEntry.CANCELLED, p.heardFrame(now), "stopped by request");
                p.leave(slot.station(), AudioEndReason.CANCELLED, outlets, ends);
                left.put(slot, p);
            } else if (slot.waitingFor(b)) {
                slot.forget(b);
                writer.write(slot.station(), b, AsRunEntry.CANCELLED, null, "stopped by request while waiting");
            }
        }
        releaseAfter(ends, left, now);
    }

    /**
     * Sends the AUDIO_ENDs of a session leaving many stations as one round, then lets what waits on
     * each station take the air: its AUDIO_START, sent in a later round, arrives after the end.
     */
    private void releaseAfter(SendRound ends, Map<StationSlot, Playback> left, long now) {
        ends.submit();
        left.forEach((slot, p) -> release(slot, p, now));
    }

    /** Paces every playback and ends those that have played out or overrun their maximum duration. */
    void tick(long now) {
        for (Playback p : List.copyOf(playbacks)) {
            try {
                p.pump(now, outlets, observer, tap);
                if (p.finished(now) || p.overdue(now)) {
                    end(p, now);
                }
            } catch (RuntimeException e) {
                // One broken session must not stop the others from playing.
                log.error("Session {} failed; ending it on its stations", p.broadcast().id(), e);
                end(p, now);
            }
        }
    }

    void rejoin(String station, long now) {
        StationSlot slot = slots.get(station);
        if (slot != null && slot.current() != null) {
            slot.current().rejoin(station);
            writer.write(station, slot.current().broadcast(), AsRunEntry.REJOINED, slot.current().heardFrame(now),
                    "receiver reconnected");
        }
    }

    void linkLost(String station, long now) {
        StationSlot slot = slots.get(station);
        if (slot != null && slot.current() != null) {
            writer.write(station, slot.current().broadcast(), AsRunEntry.LINK_LOST, slot.current().heardFrame(now),
                    "receiver connection lost");
        }
    }

    /** Stations playing {@code b} (index 0) and waiting for it (index 1), sorted. */
    List<List<String>> stationsOf(Broadcast b) {
        List<String> playing = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (StationSlot slot : slots.values()) {
            if (slot.current() != null && slot.current().broadcast() == b) {
                playing.add(slot.station());
            } else if (slot.waitingFor(b)) {
                waiting.add(slot.station());
            }
        }
        return List.of(playing.stream().sorted().toList(), waiting.stream().sorted().toList());
    }

    NowPlaying nowPlaying(String station) {
        return nowPlaying.get(station);
    }

    private void end(Playback p, long now) {
        boolean completed = p.finished(now);
        Map<StationSlot, Playback> left = new LinkedHashMap<>();
        SendRound ends = outlets.round();
        for (String station : List.copyOf(p.members())) {
            writer.write(station, p.broadcast(), completed ? AsRunEntry.COMPLETED : AsRunEntry.CANCELLED,
                    p.heardFrame(now), completed ? null : "maximum duration reached");
            p.leave(station, completed ? AudioEndReason.COMPLETED : AudioEndReason.CANCELLED, outlets, ends);
            p.broadcast().doneOn(station);
            left.put(slot(station), p);
        }
        releaseAfter(ends, left, now);
        playbacks.remove(p);
        p.releaseSharedEnd();
    }

    private final Playback.Observer observer = new Playback.Observer() {
        @Override
        public void lagging(Playback p, String station) {
            Arbiter.this.lagging(p, station);
        }

        @Override
        public void delivered(int frames) {
            stats.framesSent.add(frames);
        }
    };
    final PlayoutStats stats = new PlayoutStats();

    private void lagging(Playback p, String station) {
        stats.laggedReceivers.increment();
        writer.write(station, p.broadcast(), AsRunEntry.SKIPPED, p.heardFrame(PlayoutEngine.micros(clock)),
                "receiver not keeping up; audio skipped forward");
    }

    /** A station's session cut by a new one: what the as-run log and the station's queue must hear of it. */
    private record Cut(StationSlot slot, Broadcast old, int frame) {
    }

    /**
     * Takes the station's current session off it and returns the AUDIO_END to send ahead of the new
     * start. The paperwork ({@link #settle}) waits until the new session's audio is on its way.
     */
    private ByteBuf cut(StationSlot slot, long now, List<Cut> cuts) {
        Playback p = slot.current();
        cuts.add(new Cut(slot, p.broadcast(), p.heardFrame(now)));
        ByteBuf end = p.leaveQuietly(slot.station(), AudioEndReason.PREEMPTED);
        detach(slot, p);
        return end;
    }

    /** Logs each cut and keeps the cut session waiting on its station, or drops it, as its policy says. */
    private void settle(List<Cut> cuts, Broadcast by) {
        String reason = "preempted by session " + by.id() + " (" + by.plan().priority() + ")";
        for (Cut c : cuts) {
            String station = c.slot().station();
            writer.write(station, c.old(), AsRunEntry.PREEMPTED, c.frame(), reason);
            events.publish(new SessionEvent.Preempted(c.old().id(), station, by.id()));
            switch (c.old().plan().onPreempt()) {
                case RESUME -> c.slot().enqueue(new StationSlot.Waiting(c.old(), c.frame(), AsRunEntry.RESUMED));
                case RESTART -> c.slot().enqueue(new StationSlot.Waiting(c.old(), 0, AsRunEntry.RESTARTED));
                case DROP -> {
                    writer.write(station, c.old(), AsRunEntry.DROPPED, c.frame(), "policy DROP");
                    c.old().doneOn(station);
                }
            }
        }
    }

    /** The station's current session is over there: the best waiting one takes the air. */
    private void release(StationSlot slot, Playback p, long now) {
        detach(slot, p);
        for (StationSlot.Waiting w; (w = slot.takeBest()) != null; ) {
            Broadcast b = w.broadcast();
            if (b.finished()) {
                continue;
            }
            Instant deadline = b.plan().resumeDeadline();
            if (deadline != null && w.fromFrame() > 0 && clock.instant().isAfter(deadline)) {
                writer.write(slot.station(), b, AsRunEntry.DROPPED, w.fromFrame(), "resume deadline " + deadline + " passed");
                b.doneOn(slot.station());
                continue;
            }
            launch(b, w.fromFrame(), List.of(slot.station()), w.startEvent(), now, now + PlayoutEngine.START_DELAY_MICROS,
                    Map.of(), List.of());
            return;
        }
    }

    private void detach(StationSlot slot, Playback p) {
        slot.current(null);
        if (nowPlaying.remove(slot.station()) != null) {
            events.publish(new SessionEvent.StationPlaying(slot.station(), null));
        }
        if (p.members().isEmpty()) {
            playbacks.remove(p);
            p.releaseSharedEnd();
        }
    }

    /** Starts {@code b} on the stations, sends its first frames, then records the cuts and the starts. */
    private void launch(Broadcast b, int fromFrame, List<String> stations, String event, long now, long startAt,
                        Map<String, ByteBuf> cutEnds, List<Cut> cuts) {
        Playback p = new Playback(b, fromFrame, startAt, now, stations, cutEnds);
        playbacks.add(p);
        NowPlaying np = NowPlaying.of(b, p);
        for (String station : stations) {
            slot(station).current(p);
            nowPlaying.put(station, np);
            events.publish(new SessionEvent.StationPlaying(station, np));
            if (!event.equals(AsRunEntry.STARTED)) {
                events.publish(new SessionEvent.Resumed(b.id(), station));
            }
        }
        p.pump(now, outlets, observer, tap);
        settle(cuts, b);
        for (String station : stations) {
            // The slot is taken either way, so the station plays it if its receiver comes back in time;
            // the as-run log says whether anyone could hear it at the start.
            writer.write(station, b, event, fromFrame, outlets.outlet(station) == null ? OFFLINE_AT_START : null);
        }
    }

    private StationSlot slot(String station) {
        return slots.computeIfAbsent(station, StationSlot::new);
    }

}
