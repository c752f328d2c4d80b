package vn.loa.server.playout;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.protocol.AudioEndReason;
import vn.loa.server.asrun.AsRunEntry;
import vn.loa.server.asrun.AsRunLog;
import vn.loa.server.station.PresenceListener;
import vn.loa.server.station.StationOutlets;

/**
 * Decides, station by station, what plays, and streams it. All of its state lives on one thread, so
 * arbitration needs no locks and never races; callers hand it work and get futures back. A 20 ms tick
 * paces the audio and ends what has played out.
 */
public final class PlayoutEngine implements PresenceListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PlayoutEngine.class);
    /** From the API call to the first audible frame: enough for the AUDIO_START and the first chunk to land. */
    static final long START_DELAY_MICROS = 200_000;
    private static final long TICK_MS = 20;

    private final EventLoop loop = new DefaultEventLoop(new DefaultThreadFactory("playout"));
    private final StationOutlets outlets;
    private final Clock clock;
    private final AtomicLong ids;
    private final Map<Long, Broadcast> broadcasts = new LinkedHashMap<>();
    private final Map<String, StationSlot> slots = new HashMap<>();
    private final List<Playback> playbacks = new ArrayList<>();
    private final ConcurrentMap<String, NowPlaying> nowPlaying = new ConcurrentHashMap<>();
    private final AsRunWriter writer;
    private long arrivals;

    public PlayoutEngine(StationOutlets outlets, AsRunLog asRun, Clock clock) {
        this.outlets = outlets;
        this.clock = clock;
        this.writer = new AsRunWriter(asRun, clock);
        // Session ids start at the clock so they stay unique across restarts; the as-run log refers to them.
        this.ids = new AtomicLong(clock.millis() * 1000);
        loop.scheduleAtFixedRate(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** Starts a session; completes with its id once its first as-run entries are on disk. */
    public CompletableFuture<Long> start(BroadcastPlan plan) {
        return onLoop(() -> {
            Broadcast b = new Broadcast(ids.incrementAndGet(), plan, clock.instant(), arrivals++);
            broadcasts.put(b.id(), b);
            long now = nowMicros();
            List<String> startNow = new ArrayList<>();
            for (String station : plan.stations()) {
                StationSlot slot = slot(station);
                Playback holder = slot.current();
                if (holder != null && !Rank.preempts(b, holder.broadcast())) {
                    slot.enqueue(new StationSlot.Waiting(b, 0, AsRunEntry.STARTED));
                    writer.write(station, b, AsRunEntry.QUEUED, null, "behind session " + holder.broadcast().id());
                    continue;
                }
                if (holder != null) {
                    preempt(slot, b, now);
                }
                startNow.add(station);
            }
            if (!startNow.isEmpty()) {
                launch(b, 0, startNow, AsRunEntry.STARTED, now);
            }
            log.info("Session {} '{}' {} to {} stations ({} start now)", b.id(), plan.title(), plan.priority(),
                    plan.stations().size(), startNow.size());
            return writer.flushMarker().thenApply(v -> b.id());
        }).thenCompose(f -> f);
    }

    /** Stops a session on every station at once. Completes with false if there is no such live session. */
    public CompletableFuture<Boolean> cancel(long id) {
        return onLoop(() -> {
            Broadcast b = broadcasts.get(id);
            if (b == null || b.finished()) {
                return CompletableFuture.completedFuture(false);
            }
            b.cancel();
            long now = nowMicros();
            for (StationSlot slot : slots.values()) {
                Playback p = slot.current();
                if (p != null && p.broadcast() == b) {
                    writer.write(slot.station(), b, AsRunEntry.CANCELLED, p.heardFrame(now), "stopped by request");
                    p.leave(slot.station(), AudioEndReason.CANCELLED, outlets);
                    release(slot, p, now);
                } else if (slot.waitingFor(b)) {
                    slot.forget(b);
                    writer.write(slot.station(), b, AsRunEntry.CANCELLED, null, "stopped by request while waiting");
                }
            }
            broadcasts.remove(id);
            return writer.flushMarker().thenApply(v -> true);
        }).thenCompose(f -> f);
    }

    public CompletableFuture<List<BroadcastView>> broadcasts() {
        return onLoop(() -> {
            List<BroadcastView> views = new ArrayList<>();
            for (Broadcast b : broadcasts.values()) {
                List<String> playing = new ArrayList<>();
                List<String> waiting = new ArrayList<>();
                for (StationSlot slot : slots.values()) {
                    if (slot.current() != null && slot.current().broadcast() == b) {
                        playing.add(slot.station());
                    } else if (slot.waitingFor(b)) {
                        waiting.add(slot.station());
                    }
                }
                BroadcastPlan plan = b.plan();
                views.add(new BroadcastView(b.id(), plan.title(), plan.priority().name(), plan.issuer().name(),
                        plan.onPreempt().name(), b.createdAt(), plan.programme().durationMillis(),
                        playing.stream().sorted().toList(), waiting.stream().sorted().toList()));
            }
            return views;
        });
    }

    public Optional<NowPlaying.View> nowPlaying(String station) {
        NowPlaying n = nowPlaying.get(station);
        return n == null ? Optional.empty() : Optional.of(n.at(nowMicros()));
    }

    @Override
    public void online(String station) {
        loop.execute(() -> {
            StationSlot slot = slots.get(station);
            if (slot != null && slot.current() != null) {
                slot.current().rejoin(station);
                writer.write(station, slot.current().broadcast(), AsRunEntry.REJOINED,
                        slot.current().heardFrame(nowMicros()), "receiver reconnected");
            }
        });
    }

    @Override
    public void offline(String station) {
        loop.execute(() -> {
            StationSlot slot = slots.get(station);
            if (slot != null && slot.current() != null) {
                writer.write(station, slot.current().broadcast(), AsRunEntry.LINK_LOST,
                        slot.current().heardFrame(nowMicros()), "receiver connection lost");
            }
        });
    }

    private void tick() {
        long now = nowMicros();
        for (Playback p : List.copyOf(playbacks)) {
            try {
                p.pump(now, outlets, this::lagging);
                if (p.finished(now) || p.overdue(now)) {
                    end(p, now);
                }
            } catch (RuntimeException e) {
                // One broken session must not stop the others from playing.
                log.error("Session {} failed; ending it on its stations", p.broadcast().id(), e);
                end(p, now);
            }
        }
        broadcasts.values().removeIf(Broadcast::finished);
    }

    private void end(Playback p, long now) {
        boolean completed = p.finished(now);
        for (String station : List.copyOf(p.members())) {
            writer.write(station, p.broadcast(), completed ? AsRunEntry.COMPLETED : AsRunEntry.CANCELLED,
                    p.heardFrame(now), completed ? null : "maximum duration reached");
            p.leave(station, completed ? AudioEndReason.COMPLETED : AudioEndReason.CANCELLED, outlets);
            p.broadcast().doneOn(station);
            release(slot(station), p, now);
        }
        playbacks.remove(p);
    }

    private void lagging(Playback p, String station) {
        writer.write(station, p.broadcast(), AsRunEntry.SKIPPED, p.heardFrame(nowMicros()),
                "receiver not keeping up; audio skipped forward");
    }

    private void preempt(StationSlot slot, Broadcast by, long now) {
        Playback p = slot.current();
        Broadcast old = p.broadcast();
        int cut = p.heardFrame(now);
        String station = slot.station();
        writer.write(station, old, AsRunEntry.PREEMPTED, cut, "preempted by session " + by.id() + " ("
                + by.plan().priority() + ")");
        p.leave(station, AudioEndReason.PREEMPTED, outlets);
        switch (old.plan().onPreempt()) {
            case RESUME -> slot.enqueue(new StationSlot.Waiting(old, cut, AsRunEntry.RESUMED));
            case RESTART -> slot.enqueue(new StationSlot.Waiting(old, 0, AsRunEntry.RESTARTED));
            case DROP -> {
                writer.write(station, old, AsRunEntry.DROPPED, cut, "policy DROP");
                old.doneOn(station);
            }
        }
        detach(slot, p);
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
            launch(b, w.fromFrame(), List.of(slot.station()), w.startEvent(), now);
            return;
        }
    }

    private void detach(StationSlot slot, Playback p) {
        slot.current(null);
        nowPlaying.remove(slot.station());
        if (p.members().isEmpty()) {
            playbacks.remove(p);
        }
    }

    private void launch(Broadcast b, int fromFrame, List<String> stations, String event, long now) {
        Playback p = new Playback(b, fromFrame, now + START_DELAY_MICROS, now, stations);
        playbacks.add(p);
        NowPlaying np = NowPlaying.of(b, p);
        for (String station : stations) {
            slot(station).current(p);
            nowPlaying.put(station, np);
            writer.write(station, b, event, fromFrame, null);
        }
        p.pump(now, outlets, this::lagging);
    }

    private StationSlot slot(String station) {
        return slots.computeIfAbsent(station, StationSlot::new);
    }

    private long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
    }

    private <T> CompletableFuture<T> onLoop(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                result.complete(task.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    @Override
    public void close() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
