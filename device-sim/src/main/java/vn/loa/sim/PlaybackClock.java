package vn.loa.sim;

import io.netty.channel.EventLoop;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One 20 ms tick per event loop that wakes only the players with something due: a player asks to be
 * woken when its next chunk has played out (or its first frame is due), about twice a second, instead
 * of being polled fifty times a second. Polling every player every tick cost more CPU than everything
 * else in a ten-thousand-receiver simulator. Confined to its event loop.
 */
final class PlaybackClock {
    static final long TICK_MS = 20;

    private record Wake(AudioPlayer player, long atMicros) {
    }

    private final EventLoop loop;
    private final PriorityQueue<Wake> wakes = new PriorityQueue<>(Comparator.comparingLong(Wake::atMicros));
    private ScheduledFuture<?> ticker;

    PlaybackClock(EventLoop loop) {
        this.loop = loop;
    }

    /** Wakes {@code player} at the first tick at or after {@code atMicros} (this machine's clock). */
    void wakeAt(AudioPlayer player, long atMicros) {
        wakes.add(new Wake(player, atMicros));
        if (ticker == null) {
            ticker = loop.scheduleAtFixedRate(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void tick() {
        long now = Micros.now();
        for (Wake w; (w = wakes.peek()) != null && w.atMicros() <= now; ) {
            wakes.poll();
            w.player().wake(w.atMicros());
        }
        if (wakes.isEmpty()) {
            ticker.cancel(false);
            ticker = null;
        }
    }
}
