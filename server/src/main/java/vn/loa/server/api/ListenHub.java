package vn.loa.server.api;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import vn.loa.server.playout.ListenTap;

/**
 * The listeners of GET /listen/{station}: playout hands over each chunk of MP3 frames a station is
 * sent, and every listener's connection gets it if it can take it now; a listener whose connection is
 * full misses that chunk (a glitch for them), and nobody else waits.
 */
public final class ListenHub implements ListenTap {
    static final int MAX_LISTENERS = 200;
    private final Map<String, Set<Channel>> listeners = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    /** False when the server already has as many listeners as it allows. */
    boolean add(String station, Channel channel) {
        if (count.incrementAndGet() > MAX_LISTENERS) {
            count.decrementAndGet();
            return false;
        }
        listeners.computeIfAbsent(station, s -> ConcurrentHashMap.newKeySet()).add(channel);
        channel.closeFuture().addListener(f -> remove(station, channel));
        return true;
    }

    private void remove(String station, Channel channel) {
        listeners.computeIfPresent(station, (s, set) -> {
            if (set.remove(channel)) {
                count.decrementAndGet();
            }
            return set.isEmpty() ? null : set;
        });
    }

    public int listeners() {
        return count.get();
    }

    @Override
    public boolean listening(String station) {
        return listeners.containsKey(station);
    }

    @Override
    public void audio(String station, ByteBuf mp3) {
        try {
            for (Channel c : listeners.getOrDefault(station, Set.of())) {
                if (c.isWritable()) {
                    c.writeAndFlush(new DefaultHttpContent(mp3.retainedDuplicate()), c.voidPromise());
                }
            }
        } finally {
            mp3.release();
        }
    }
}
