package vn.loa.server.playout;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.asrun.AsRunLog;
import vn.loa.server.station.PresenceListener;
import vn.loa.server.station.StationOutlets;

/**
 * The playout facade. Everything it decides lives on one thread, so arbitration needs no locks and
 * never races: the API and the gateway hand it work and get futures back, and a 20 ms tick paces the
 * audio. The station-by-station decisions are the {@link Arbiter}'s.
 */
public final class PlayoutEngine implements PresenceListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PlayoutEngine.class);
    /**
     * From the API call to the first audible frame on one station: enough for the AUDIO_START and the
     * first chunk to land. Sessions to many stations wait longer: see {@link #preparation(int)}.
     */
    static final long START_DELAY_MICROS = 200_000;
    private static final long TICK_MS = 20;
    /** Preparation added per target station for timed starts; see {@link #preparation(int)}. */
    private static final long PREPARATION_PER_STATION_MICROS = 100;

    private final EventLoop loop = new DefaultEventLoop(new DefaultThreadFactory("playout"));
    private final Clock clock;
    private final AsRunWriter writer;
    private final Arbiter arbiter;
    private final AtomicLong ids;
    private final Map<Long, Broadcast> broadcasts = new LinkedHashMap<>();
    private long arrivals;
    private volatile long lastTickNanos = System.nanoTime();
    private final PlayoutWatchdog watchdog = new PlayoutWatchdog(() -> lastTickNanos, System::nanoTime);
    private final SessionEvents events = new SessionEvents();
    /** Sessions accepted for later; put from any thread, removed on the loop only. */
    private final Map<Long, HeldSession> held = new ConcurrentHashMap<>();

    public PlayoutEngine(StationOutlets outlets, AsRunLog asRun, Clock clock) {
        this.clock = clock;
        this.writer = new AsRunWriter(asRun, clock, loop);
        this.arbiter = new Arbiter(outlets, writer, clock, events);
        this.ids = new AtomicLong(clock.millis() * 1000);
        loop.scheduleAtFixedRate(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        loop.execute(() -> watchdog.watch(Thread.currentThread()));
    }

    public PlayoutStats stats() {
        return arbiter.stats;
    }

    /** Adds a listener-in on stations (GET /listen/{station}); earlier ones keep listening. */
    public void onAudio(ListenTap tap) {
        arbiter.tap(tap);
    }

    /** The session events: subscribe here (alerts, the journal, monitoring, metrics). */
    public SessionEvents events() {
        return events;
    }

    /**
     * A fresh session id, taken before anything airs so the session can be journaled under it first.
     * Ids start at the clock so they stay unique across restarts; the as-run log refers to them.
     */
    public long reserveId() {
        return ids.incrementAndGet();
    }

    /**
     * Starts session {@code id} so that its first frame is heard at {@code audibleAt} (null: as soon as
     * possible), joining the programme {@code offsetMillis} in (0: from the start). Everything
     * (preemption, AUDIO_START, the lead burst) happens one preparation before that instant, which is
     * how timed entries start on time; until then the session is held: listed and cancellable.
     * Completes with the id once its first as-run entries are on disk; a session cancelled while held
     * completes with a {@link java.util.concurrent.CancellationException}.
     */
    public CompletableFuture<Long> start(long id, BroadcastPlan plan, Instant audibleAt, long offsetMillis) {
        long offerAt = audibleAt == null ? 0 : micros(audibleAt) - preparation(plan.stations().size());
        long wait = Math.max(0, offerAt - micros(clock));
        CompletableFuture<CompletableFuture<Long>> offered = new CompletableFuture<>();
        if (wait > 0) {
            held.put(id, new HeldSession(id, plan, clock.instant(), audibleAt, offered));
            events.publish(new SessionEvent.Held(id, plan.title(), plan.priority().name(), audibleAt));
        }
        loop.schedule(() -> {
            if (wait > 0 && held.remove(id) == null) {
                return; // cancelled while held
            }
            try {
                offered.complete(offer(id, plan, audibleAt == null ? null : micros(audibleAt),
                        plan.programme().frameAtMillis(offsetMillis)));
            } catch (RuntimeException e) {
                offered.completeExceptionally(e);
            }
        }, wait, TimeUnit.MICROSECONDS);
        return offered.thenCompose(f -> f);
    }

    /** A session accepted for a later instant, not yet offered to its stations. */
    private record HeldSession(long id, BroadcastPlan plan, Instant createdAt, Instant airAt,
                               CompletableFuture<CompletableFuture<Long>> offered) {
    }

    /**
     * From the offer to the first audible frame for a session to {@code stations} stations: the start
     * delay, plus time for the first chunk to reach every receiver (measured: about a second for ten
     * thousand on two shared cores), at most one lead. Every receiver of a session starts at the same
     * instant, so loudspeakers within earshot of each other never echo; starting sooner would only have
     * the last receivers play late frames out of step. Timed sessions are offered this long before
     * their air time: idle stations get them that early, stations they must cut keep what they play
     * until one start delay before.
     */
    static long preparation(int stations) {
        return Math.min(Playback.LEAD_MICROS, START_DELAY_MICROS + stations * PREPARATION_PER_STATION_MICROS);
    }

    /** When a session to {@code stations} stations asked for now is first heard, in ms after the request. */
    public static long startDelayMillis(int stations) {
        return preparation(stations) / 1000;
    }

    private CompletableFuture<Long> offer(long id, BroadcastPlan plan, Long audibleAtMicros, int fromFrame) {
        Broadcast b = new Broadcast(id, plan, clock.instant(), arrivals++);
        broadcasts.put(b.id(), b);
        long now = micros(clock);
        long soonest = now + (audibleAtMicros == null ? preparation(plan.stations().size()) : START_DELAY_MICROS);
        long startAt = audibleAtMicros == null || audibleAtMicros < soonest ? soonest : audibleAtMicros;
        if (audibleAtMicros != null) {
            arbiter.stats.scheduleLateness.observe(Math.max(0, startAt - audibleAtMicros) / 1e6);
        }
        List<String> stations = new ArrayList<>(plan.stations());
        // A timed start cuts what plays as late as it can; a start asked for now cuts at once.
        List<String> later = audibleAtMicros != null && startAt - now > START_DELAY_MICROS
                ? arbiter.busyBelow(b, stations) : List.of();
        stations.removeAll(new HashSet<>(later));
        // Started before the arbitration, so subscribers hear of a session before of what it cut.
        events.publish(new SessionEvent.Started(b.id(), plan.title(), plan.priority().name(), plan.stations().size()));
        int started = arbiter.offer(b, stations, now, startAt, fromFrame);
        if (!later.isEmpty()) {
            loop.schedule(() -> {
                if (!b.finished()) {
                    arbiter.offer(b, later, micros(clock), startAt, fromFrame);
                }
            }, startAt - START_DELAY_MICROS - now, TimeUnit.MICROSECONDS);
        }
        if (plan.maxWait() != null && started + later.size() < plan.stations().size()) {
            loop.schedule(() -> arbiter.waitedEnough(b, micros(clock)), plan.maxWait().toMillis(), TimeUnit.MILLISECONDS);
        }
        log.info("Session {} '{}' {} to {} stations ({} start now, {} cut in {} ms before air time)", b.id(),
                plan.title(), plan.priority(), plan.stations().size(), started, later.size(), START_DELAY_MICROS / 1000);
        return writer.flushMarker().thenApply(v -> b.id());
    }

    /**
     * Stops a session on every station at once, or before air if it is held. Completes with false if
     * there is no such live or held session.
     */
    public CompletableFuture<Boolean> cancel(long id) {
        return onLoop(() -> {
            HeldSession h = held.remove(id);
            if (h != null) {
                h.offered().cancel(false);
                events.publish(new SessionEvent.Ended(id, true));
                return CompletableFuture.completedFuture(true);
            }
            Broadcast b = broadcasts.remove(id);
            if (b == null || b.finished()) {
                if (b != null) {
                    events.publish(new SessionEvent.Ended(id, b.cancelled()));
                }
                return CompletableFuture.completedFuture(false);
            }
            b.cancel();
            arbiter.cancel(b, micros(clock));
            events.publish(new SessionEvent.Ended(id, true));
            return writer.flushMarker().thenApply(v -> true);
        }).thenCompose(f -> f);
    }

    public CompletableFuture<List<BroadcastView>> broadcasts() {
        return onLoop(() -> {
            List<BroadcastView> views = new ArrayList<>();
            for (HeldSession h : held.values()) {
                BroadcastPlan plan = h.plan();
                views.add(new BroadcastView(h.id(), plan.title(), plan.priority().name(), plan.issuer().name(),
                        plan.onPreempt().name(), h.createdAt(), plan.programme().durationMillis(), List.of(),
                        plan.stations().stream().sorted().toList(), BroadcastView.HELD, h.airAt()));
            }
            for (Broadcast b : broadcasts.values()) {
                List<List<String>> stations = arbiter.stationsOf(b);
                BroadcastPlan plan = b.plan();
                views.add(new BroadcastView(b.id(), plan.title(), plan.priority().name(), plan.issuer().name(),
                        plan.onPreempt().name(), b.createdAt(), plan.programme().durationMillis(), stations.get(0),
                        stations.get(1), BroadcastView.ON_AIR, null));
            }
            return views;
        });
    }

    /** Safe from any thread. */
    public Optional<NowPlaying.View> nowPlaying(String station) {
        NowPlaying n = arbiter.nowPlaying(station);
        return n == null ? Optional.empty() : Optional.of(n.at(micros(clock)));
    }

    @Override
    public void online(String station) {
        if (!loop.isShuttingDown()) {
            loop.execute(() -> arbiter.rejoin(station, micros(clock)));
        }
    }

    /** Ignored once the engine is stopping: the network side may still be closing connections then. */
    @Override
    public void offline(String station) {
        if (!loop.isShuttingDown()) {
            loop.execute(() -> arbiter.linkLost(station, micros(clock)));
        }
    }

    private void tick() {
        lastTickNanos = System.nanoTime();
        arbiter.tick(micros(clock));
        broadcasts.values().removeIf(b -> {
            if (b.finished()) {
                events.publish(new SessionEvent.Ended(b.id(), b.cancelled()));
                return true;
            }
            return false;
        });
    }

    static long micros(Clock clock) {
        return micros(clock.instant());
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
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
        watchdog.close();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
