package vn.loa.server.station;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Sends to many receivers handed over in one go. Playout pumps a chunk to ten thousand receivers
 * every second; one task per receiver would cost the playout thread ten thousand task hand-offs and
 * the network threads ten thousand wake-ups. A round collects the sends and {@link #submit()} passes
 * each network thread its share as one task. Sends to one receiver keep their order, within a round
 * and against sends made before or after it; every write playout makes goes through a round.
 */
public interface SendRound {

    /**
     * Queues frames for one receiver (ownership of the buffers passes to the round), to be dropped
     * instead of written if {@code wanted} says no by the time the network thread gets to them.
     */
    void add(ReceiverOutlet outlet, List<ByteBuf> encodedFrames, StillWanted wanted);

    /** Hands everything added to the network; the round is spent afterwards. */
    void submit();
}
