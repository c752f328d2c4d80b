package vn.loa.server.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import vn.loa.server.station.ReceiverOutlet;
import vn.loa.server.station.SendRound;
import vn.loa.server.station.StillWanted;

/**
 * A {@link SendRound} grouped by event loop: each loop gets one task that writes and flushes its
 * connections' frames, skipping those no longer wanted by then. Order per connection holds because a
 * loop runs its tasks in the order queued, and every other write to a connection from outside its loop
 * is queued there too.
 */
final class LoopSendRound implements SendRound {
    private record Batch(Channel channel, List<ByteBuf> frames, StillWanted wanted) {
    }

    private final Map<EventLoop, List<Batch>> byLoop = new HashMap<>();

    @Override
    public void add(ReceiverOutlet outlet, List<ByteBuf> encodedFrames, StillWanted wanted) {
        if (!(outlet instanceof ChannelOutlet c)) {
            encodedFrames.forEach(ByteBuf::release);
            throw new IllegalArgumentException("not an outlet of this gateway: " + outlet);
        }
        byLoop.computeIfAbsent(c.channel().eventLoop(), loop -> new ArrayList<>())
                .add(new Batch(c.channel(), encodedFrames, wanted));
    }

    @Override
    public void submit() {
        for (Map.Entry<EventLoop, List<Batch>> e : byLoop.entrySet()) {
            List<Batch> batches = e.getValue();
            try {
                e.getKey().execute(() -> batches.forEach(LoopSendRound::write));
            } catch (RejectedExecutionException stopping) {
                // The loop is shutting down with its connections: nobody is left to hear these frames.
                batches.forEach(b -> b.frames().forEach(ByteBuf::release));
            }
        }
        byLoop.clear();
    }

    private static void write(Batch b) {
        if (!b.wanted().stillWanted()) {
            b.frames().forEach(ByteBuf::release);
            return;
        }
        // A closed channel fails the writes and releases the buffers; the void promise spares a future each.
        for (ByteBuf frame : b.frames()) {
            b.channel().write(frame, b.channel().voidPromise());
        }
        b.channel().flush();
    }
}
