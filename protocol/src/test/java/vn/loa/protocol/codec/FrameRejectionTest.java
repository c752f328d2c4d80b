package vn.loa.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.loa.protocol.Direction;
import vn.loa.protocol.ErrorCode;
import vn.loa.protocol.Frame;
import vn.loa.protocol.FrameFormat;
import vn.loa.protocol.MessageType;
import vn.loa.protocol.ProtocolException;
import vn.loa.protocol.message.Hello;
import vn.loa.protocol.message.Status;

/** Every way a peer can send something wrong, each rejected with its code and with no buffer leaked. */
class FrameRejectionTest {

    @Test
    void oversizeLengthIsRejectedFromTheHeaderAloneBeforeAnyPayloadArrives() {
        ByteBuf header = header(FrameFormat.MAGIC, 1, MessageType.STATUS.code(), 9, FrameFormat.MAX_PAYLOAD + 1L);
        ProtocolException e = rejectServerSide(header, ErrorCode.FRAME_TOO_LARGE);
        assertEquals(9, e.requestId());
        assertEquals(MessageType.STATUS.code(), e.refersType());
    }

    @Test
    void lengthNearTwoToTheThirtyTwoIsRejectedToo() {
        rejectServerSide(header(FrameFormat.MAGIC, 1, MessageType.HELLO.code(), 1, 0xFFFF_FFFFL),
                ErrorCode.FRAME_TOO_LARGE);
    }

    @Test
    void unknownTypeIsRejected() {
        rejectServerSide(header(FrameFormat.MAGIC, 1, 0x42, 1, 0), ErrorCode.UNKNOWN_TYPE);
    }

    @Test
    void unknownVersionIsRejected() {
        rejectServerSide(header(FrameFormat.MAGIC, 2, MessageType.HELLO.code(), 1, 0), ErrorCode.UNSUPPORTED_VERSION);
    }

    @Test
    void badMagicIsRejected() {
        rejectServerSide(header(0x4854, 1, MessageType.HELLO.code(), 1, 0), ErrorCode.BAD_MAGIC);
    }

    @Test
    void aMessageGoingTheWrongWayIsRejected() {
        rejectServerSide(header(FrameFormat.MAGIC, 1, MessageType.COMMAND.code(), 3, 0), ErrorCode.UNEXPECTED_MESSAGE);
    }

    @Test
    void httpRequestSentToTheReceiverPortIsGarbage() {
        rejectServerSide(Unpooled.copiedBuffer("GET / HTTP/1.1\r\nHost: x\r\n\r\n", StandardCharsets.US_ASCII),
                ErrorCode.BAD_MAGIC);
    }

    @Test
    void randomGarbageIsRejectedAndEverythingAfterItDiscarded() {
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        junk[0] = 0x00;
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(Direction.TO_SERVER));
        ByteBuf first = Unpooled.wrappedBuffer(junk);
        ProtocolException e = assertThrows(ProtocolException.class, () -> ch.writeInbound(first));
        assertEquals(ErrorCode.BAD_MAGIC, e.code());
        ByteBuf validAfterwards = FrameCodecTest.encode(Frame.of(new Hello("a", 1, "fw", 0)));
        ch.writeInbound(validAfterwards);
        assertNull(ch.readInbound(), "nothing is decoded after a protocol error");
        assertEquals(0, first.refCnt());
        assertEquals(0, validAfterwards.refCnt());
        ch.finishAndReleaseAll();
    }

    @Test
    void payloadShorterThanItsFieldsNamesTheMissingField() {
        ByteBuf frame = header(FrameFormat.MAGIC, 1, MessageType.STATUS.code(), 5, 3).writeBytes(new byte[] {50, 0, 1});
        ProtocolException e = rejectServerSide(frame, ErrorCode.MALFORMED_FRAME);
        assertTrue(e.getMessage().contains("STATUS") && e.getMessage().contains("temperatureDeci"), e.getMessage());
        assertEquals(5, e.requestId());
    }

    @Test
    void outOfRangeFieldIsMalformed() {
        Status ok = (Status) SampleMessages.all().get(MessageType.STATUS);
        ByteBuf frame = FrameCodecTest.encode(Frame.of(ok));
        frame.setByte(FrameFormat.HEADER_LENGTH, 101);
        ProtocolException e = rejectServerSide(frame, ErrorCode.MALFORMED_FRAME);
        assertTrue(e.getMessage().contains("volume 101"), e.getMessage());
    }

    @Test
    void invalidUtf8InAStringIsMalformed() {
        ByteBuf payload = Unpooled.buffer().writeShort(2).writeByte(0xC3).writeByte(0x28)
                .writeByte(1).writeShort(0).writeInt(0);
        ByteBuf frame = header(FrameFormat.MAGIC, 1, MessageType.HELLO.code(), 1, payload.readableBytes())
                .writeBytes(payload);
        payload.release();
        ProtocolException e = rejectServerSide(frame, ErrorCode.MALFORMED_FRAME);
        assertTrue(e.getMessage().contains("stationId is not valid UTF-8"), e.getMessage());
    }

    @Test
    void stringLongerThanItsLimitIsMalformed() {
        ByteBuf payload = Unpooled.buffer().writeShort(65).writeZero(65).writeByte(1).writeShort(0).writeInt(0);
        ByteBuf frame = header(FrameFormat.MAGIC, 1, MessageType.HELLO.code(), 1, payload.readableBytes())
                .writeBytes(payload);
        payload.release();
        ProtocolException e = rejectServerSide(frame, ErrorCode.MALFORMED_FRAME);
        assertTrue(e.getMessage().contains("more than its maximum of 64"), e.getMessage());
    }

    @Test
    void stationIdWithForbiddenCharactersIsMalformed() {
        ByteBuf frame = FrameCodecTest.encode(Frame.of(new Hello("abc", 1, "fw", 0)));
        frame.setByte(FrameFormat.HEADER_LENGTH + 3, '/');
        rejectServerSide(frame, ErrorCode.MALFORMED_FRAME);
    }

    @Test
    void trailingBytesFromANewerPeerAreIgnored() {
        ByteBuf original = FrameCodecTest.encode(Frame.request(8, new Hello("tra-don-01", 1, "fw", 1)));
        int length = original.getInt(10);
        ByteBuf extended = Unpooled.buffer().writeBytes(original).writeBytes(new byte[] {9, 9, 9});
        original.release();
        extended.setInt(10, length + 3);
        Frame frame = FrameCodecTest.decodeSingle(Direction.TO_SERVER, extended);
        assertEquals(new Hello("tra-don-01", 1, "fw", 1), frame.message());
    }

    @Test
    void connectionClosedInsideAFrameIsATruncatedFrame() {
        ByteBuf whole = FrameCodecTest.encode(Frame.of(new Hello("tra-leng-02", 1, "fw", 0)));
        ByteBuf part = whole.retainedSlice(0, whole.readableBytes() - 4);
        whole.release();
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(Direction.TO_SERVER));
        ch.writeInbound(part);
        assertNull(ch.readInbound());
        ProtocolException e = assertThrows(ProtocolException.class, ch::finish);
        assertEquals(ErrorCode.TRUNCATED_FRAME, e.code());
        assertEquals(0, part.refCnt());
    }

    @Test
    void connectionClosedInsideAHeaderIsATruncatedFrame() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(Direction.TO_SERVER));
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x4C, 0x4F, 1}));
        ProtocolException e = assertThrows(ProtocolException.class, ch::finish);
        assertEquals(ErrorCode.TRUNCATED_FRAME, e.code());
    }

    @Test
    void headerFedOneByteAtATimeIsStillCheckedBeforeThePayload() {
        ByteBuf header = header(FrameFormat.MAGIC, 1, MessageType.STATUS.code(), 1, 1_000_000);
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(Direction.TO_SERVER));
        for (int i = 0; i < FrameFormat.HEADER_LENGTH - 1; i++) {
            ch.writeInbound(header.readRetainedSlice(1));
        }
        ByteBuf last = header.readRetainedSlice(1);
        header.release();
        ProtocolException e = assertThrows(ProtocolException.class, () -> ch.writeInbound(last));
        assertEquals(ErrorCode.FRAME_TOO_LARGE, e.code());
        assertEquals(0, last.refCnt());
        ch.finishAndReleaseAll();
    }

    private static ProtocolException rejectServerSide(ByteBuf input, ErrorCode expected) {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(Direction.TO_SERVER));
        ProtocolException e = assertThrows(ProtocolException.class, () -> ch.writeInbound(input));
        assertEquals(expected, e.code(), e.getMessage());
        assertNull(ch.readInbound());
        assertEquals(0, input.refCnt(), "the decoder frees the input it rejected");
        ch.finishAndReleaseAll();
        return e;
    }

    private static ByteBuf header(int magic, int version, int type, long requestId, long length) {
        return Unpooled.buffer().writeShort(magic).writeByte(version).writeByte(type).writeShort(0)
                .writeInt((int) requestId).writeInt((int) length);
    }
}
