package vn.loa.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import vn.loa.protocol.Direction;
import vn.loa.protocol.Frame;
import vn.loa.protocol.ProtocolException;

/**
 * Whatever a peer sends, in whatever pieces TCP delivers it, the frame decoder answers with frames or
 * one {@link ProtocolException}: never another exception, never a leaked buffer, and never memory out
 * of proportion to the bytes received (a length or count field must not make it allocate what it says).
 * Seeds (one frame of each message type, whole streams, a 4 KB audio chunk) and kept crash inputs:
 * {@code FrameDecoderFuzzTestInputs/anyBytesInAnyPiecesGiveFramesOrAProtocolError}.
 */
class FrameDecoderFuzzTest {
    /** Heap a decode may allocate: a fixed allowance for Netty's and the test's objects, plus some per input byte. */
    private static final long ALLOCATION_ALLOWANCE = 4L << 20;
    private static final int ALLOCATION_PER_INPUT_BYTE = 64;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @FuzzTest(maxDuration = "20s")
    void anyBytesInAnyPiecesGiveFramesOrAProtocolError(byte[] input) {
        if (input.length == 0) {
            return;
        }
        decode(input);
        // Measured on a second pass, once the classes this input reaches are loaded and instrumented.
        long allocated = decode(input);
        assertTrue(allocated <= ALLOCATION_ALLOWANCE + (long) ALLOCATION_PER_INPUT_BYTE * input.length,
                allocated + " bytes allocated to decode " + input.length + " bytes");
    }

    /** @return the bytes of heap this thread allocated while decoding */
    private static long decode(byte[] input) {
        // The first byte says who receives (bit 0) and how TCP cuts the rest into pieces (1, 2, 4 ... 64
        // bytes, or all at once): the decoder must not care where the cuts fall.
        Direction inbound = (input[0] & 1) == 0 ? Direction.TO_SERVER : Direction.TO_RECEIVER;
        int cut = (input[0] >>> 1) & 7;
        int pieceBytes = cut == 7 ? input.length : 1 << cut;
        List<ByteBuf> pieces = new ArrayList<>();
        for (int at = 1; at < input.length; at += pieceBytes) {
            pieces.add(Unpooled.wrappedBuffer(input, at, Math.min(pieceBytes, input.length - at)));
        }
        long before = THREADS.getCurrentThreadAllocatedBytes();
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(inbound));
        boolean refused = false;
        try {
            for (ByteBuf piece : pieces) {
                if (refused) {
                    piece.release();
                    continue;
                }
                try {
                    channel.writeInbound(piece);
                } catch (ProtocolException expected) {
                    refused = true;
                }
                drain(channel);
            }
            if (!refused) {
                try {
                    channel.finish();
                } catch (ProtocolException truncated) {
                    refused = true;
                }
            }
            drain(channel);
        } finally {
            channel.finishAndReleaseAll();
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        for (ByteBuf piece : pieces) {
            assertEquals(0, piece.refCnt(), "every byte received is released");
        }
        return allocated;
    }

    private static void drain(EmbeddedChannel channel) {
        for (Object decoded; (decoded = channel.readInbound()) != null; ) {
            assertTrue(decoded instanceof Frame, "only frames come out: " + decoded);
            ReferenceCountUtil.release(((Frame) decoded).message());
        }
    }
}
