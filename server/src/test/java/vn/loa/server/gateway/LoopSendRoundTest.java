package vn.loa.server.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import vn.loa.server.station.StillWanted;

class LoopSendRoundTest {

    @Test
    void eachConnectionGetsItsFramesInOrderWhenItsLoopRunsTheRound() {
        EmbeddedChannel a = new EmbeddedChannel();
        EmbeddedChannel b = new EmbeddedChannel();
        LoopSendRound round = new LoopSendRound();
        round.add(new ChannelOutlet(a), List.of(frame("a1"), frame("a2")), StillWanted.ALWAYS);
        round.add(new ChannelOutlet(b), List.of(frame("b1")), StillWanted.ALWAYS);
        round.add(new ChannelOutlet(a), List.of(frame("a3")), StillWanted.ALWAYS);
        round.submit();
        assertNull(a.readOutbound(), "nothing is written before the event loop runs the round");
        a.runPendingTasks();
        b.runPendingTasks();
        assertEquals(List.of("a1", "a2", "a3"), List.of(read(a), read(a), read(a)));
        assertEquals("b1", read(b));
        assertNull(a.readOutbound());
        assertNull(b.readOutbound());
        a.finishAndReleaseAll();
        b.finishAndReleaseAll();
    }

    @Test
    void framesNoLongerWantedWhenTheirTurnComesAreDroppedAndReleased() {
        EmbeddedChannel channel = new EmbeddedChannel();
        AtomicBoolean wanted = new AtomicBoolean(true);
        ByteBuf stale = frame("old chunk");
        LoopSendRound round = new LoopSendRound();
        round.add(new ChannelOutlet(channel), List.of(stale), wanted::get);
        round.submit();
        // The cut-in comes while the chunk waits in the loop's queue; its own frames follow.
        wanted.set(false);
        LoopSendRound cutIn = new LoopSendRound();
        cutIn.add(new ChannelOutlet(channel), List.of(frame("AUDIO_END+AUDIO_START")), StillWanted.ALWAYS);
        cutIn.submit();
        channel.runPendingTasks();
        assertEquals("AUDIO_END+AUDIO_START", read(channel));
        assertNull(channel.readOutbound());
        assertEquals(0, stale.refCnt());
        channel.finishAndReleaseAll();
    }

    private static ByteBuf frame(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }

    private static String read(EmbeddedChannel channel) {
        ByteBuf buf = channel.readOutbound();
        try {
            return buf.toString(StandardCharsets.UTF_8);
        } finally {
            buf.release();
        }
    }
}
