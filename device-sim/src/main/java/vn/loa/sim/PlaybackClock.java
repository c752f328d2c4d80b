package vn.loa.sim;

import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One 20 ms tick per event loop, shared by every receiver on it that is playing: a timer per receiver
 * would be fifty thousand tasks a second at a thousand receivers. Confined to its event loop.
 */
final class PlaybackClock {
    static final long TICK_MS = 20;
    private final EventLoop loop;
    private final Set<AudioPlayer> playing = new LinkedHashSet<>();
    private ScheduledFuture<?> ticker;

    PlaybackClock(EventLoop loop) {
        this.loop = loop;
    }

    void add(AudioPlayer player) {
        playing.add(player);
        if (ticker == null) {
            ticker = loop.scheduleAtFixedRate(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        }
    }

    void remove(AudioPlayer player) {
        playing.remove(player);
        if (playing.isEmpty() && ticker != null) {
            ticker.cancel(false);
            ticker = null;
        }
    }

    private void tick() {
        for (AudioPlayer player : new ArrayList<>(playing)) {
            player.tick();
        }
    }
}
