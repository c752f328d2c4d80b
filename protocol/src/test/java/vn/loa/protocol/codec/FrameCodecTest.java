package vn.loa.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.loa.protocol.Direction;
import vn.loa.protocol.Frame;
import vn.loa.protocol.MessageType;
import vn.loa.protocol.message.AudioChunk;
import vn.loa.protocol.message.Message;

class FrameCodecTest {

    @Test
    void samplesCoverEveryMessageType() {
        assertEquals(MessageType.values().length, SampleMessages.all().size());
    }

    @Test
    void everyMessageSurvivesARoundTrip() {
        Map<MessageType, Message> samples = SampleMessages.all();
        long requestId = 0xFFFF_FFFEL;
        for (Message original : samples.values()) {
            ByteBuf wire = encode(new Frame(requestId, 0, original).retain());
            Frame decoded = decodeSingle(inboundFor(original.type()), wire);
            assertEquals(original, decoded.message(), original.type().name());
            assertEquals(requestId, decoded.requestId());
            decoded.release();
            ReferenceCountUtil.release(original);
        }
    }

    @Test
    void frameDecodedOneByteAtATimeEqualsTheOriginal() {
        List<Frame> sent = toReceiverFrames();
        ByteBuf wire = concat(sent);
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(Direction.TO_RECEIVER));
        while (wire.isReadable()) {
            ch.writeInbound(wire.readRetainedSlice(1));
        }
        wire.release();
        assertReceived(sent, ch);
    }

    @Test
    void framesDecodedFromRandomChunksEqualTheOriginals() {
        Random random = new Random(20261122);
        for (int round = 0; round < 50; round++) {
            List<Frame> sent = toReceiverFrames();
            ByteBuf wire = concat(sent);
            EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(Direction.TO_RECEIVER));
            while (wire.isReadable()) {
                int n = Math.min(wire.readableBytes(), 1 + random.nextInt(40));
                ch.writeInbound(wire.readRetainedSlice(n));
            }
            wire.release();
            assertReceived(sent, ch);
        }
    }

    @Test
    void audioChunkDataIsASliceNotACopyAndIsReleasedWithTheFrame() {
        Message chunk = SampleMessages.all().get(MessageType.AUDIO_CHUNK);
        ByteBuf wire = encode(Frame.of(chunk));
        assertEquals(0, ReferenceCountUtil.refCnt(chunk), "the encoder owns and frees what it writes");
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(Direction.TO_RECEIVER));
        ch.writeInbound(wire);
        Frame frame = ch.readInbound();
        AudioChunk decoded = (AudioChunk) frame.message();
        assertEquals(1, decoded.refCnt());
        frame.release();
        assertEquals(0, decoded.refCnt());
        assertEquals(0, wire.refCnt(), "the input buffer is freed once the slice is released");
        ch.finishAndReleaseAll();
    }

    @Test
    void encoderRefusesAPayloadAboveTheMaximum() {
        AudioChunk huge = new AudioChunk(1, 0, 0, Unpooled.buffer(70_000).writeZero(70_000));
        EmbeddedChannel ch = new EmbeddedChannel(FrameEncoder.INSTANCE);
        assertThrows(EncoderException.class, () -> ch.writeOutbound(Frame.of(huge)));
        assertEquals(0, huge.refCnt(), "the encoder releases what it was given even when it fails");
        ch.finishAndReleaseAll();
    }

    static Direction inboundFor(MessageType type) {
        return type.direction() == Direction.BOTH ? Direction.TO_SERVER : type.direction();
    }

    static ByteBuf encode(Frame frame) {
        EmbeddedChannel ch = new EmbeddedChannel(FrameEncoder.INSTANCE);
        ch.writeOutbound(frame);
        ByteBuf out = ch.readOutbound();
        ch.finishAndReleaseAll();
        return out;
    }

    static Frame decodeSingle(Direction inbound, ByteBuf wire) {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(inbound));
        ch.writeInbound(wire);
        Frame frame = ch.readInbound();
        assertNull(ch.readInbound(), "exactly one frame");
        ch.finishAndReleaseAll();
        return frame;
    }

    private static List<Frame> toReceiverFrames() {
        List<Frame> frames = new ArrayList<>();
        long id = 1;
        for (Message m : SampleMessages.all().values()) {
            if (m.type().direction().arrivesAt(Direction.TO_RECEIVER)) {
                frames.add(Frame.request(id++, m));
            } else {
                ReferenceCountUtil.release(m);
            }
        }
        return frames;
    }

    private static ByteBuf concat(List<Frame> frames) {
        ByteBuf all = Unpooled.buffer();
        for (Frame f : frames) {
            f.retain();
            ByteBuf one = encode(f);
            all.writeBytes(one);
            one.release();
        }
        return all;
    }

    private static void assertReceived(List<Frame> sent, EmbeddedChannel ch) {
        for (Frame expected : sent) {
            Frame actual = ch.readInbound();
            assertEquals(expected, actual);
            actual.release();
            expected.release();
        }
        assertNull(ch.readInbound());
        assertTrue(!ch.finish() || ch.inboundMessages().isEmpty());
    }
}
