package vn.loa.server.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.protocol.Direction;
import vn.loa.protocol.ErrorCode;
import vn.loa.protocol.Frame;
import vn.loa.protocol.LinkType;
import vn.loa.protocol.MessageType;
import vn.loa.protocol.StationAuth;
import vn.loa.protocol.codec.FrameDecoder;
import vn.loa.protocol.codec.FrameEncoder;
import vn.loa.protocol.message.Auth;
import vn.loa.protocol.message.Challenge;
import vn.loa.protocol.message.ErrorMessage;
import vn.loa.protocol.message.Hello;
import vn.loa.protocol.message.Message;
import vn.loa.protocol.message.Status;
import vn.loa.protocol.message.Welcome;
import vn.loa.server.TestServer;

/**
 * The handshake byte by byte from a plain blocking socket, the way a firmware developer would test a
 * receiver against the server: exact replies, request ids, error codes, and the connection closing.
 */
class RawSocketHandshakeTest {
    private TestServer server;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        server = new TestServer(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void handshakeRepliesCarryTheRequestIdsTheyAnswer() throws IOException {
        try (Socket socket = connect()) {
            send(socket, Frame.request(41, new Hello("st-05", 1, "bench-fw", 1)));
            Frame challenge = readFramesUntilClosedOr(socket, 1).get(0);
            assertEquals(41, challenge.requestId());
            byte[] nonce = ((Challenge) challenge.message()).nonce();
            send(socket, Frame.request(42, new Auth(StationAuth.mac("secret-st-05", nonce, "st-05"))));
            Frame welcome = readFramesUntilClosedOr(socket, 1).get(0);
            assertEquals(42, welcome.requestId());
            assertEquals(TestServer.HEARTBEAT_MS, ((Welcome) welcome.message()).heartbeatIntervalMs());
        }
    }

    @Test
    void silentPeerIsToldHandshakeTimeoutAndClosed() throws IOException {
        try (Socket socket = connect()) {
            List<Frame> frames = readFramesUntilClosedOr(socket, Integer.MAX_VALUE);
            assertError(frames, ErrorCode.HANDSHAKE_TIMEOUT);
        }
    }

    @Test
    void httpSpokenToTheReceiverPortIsBadMagic() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertError(readFramesUntilClosedOr(socket, Integer.MAX_VALUE), ErrorCode.BAD_MAGIC);
        }
    }

    @Test
    void statusBeforeAuthenticationIsUnexpected() throws IOException {
        try (Socket socket = connect()) {
            send(socket, Frame.request(7, new Status(50, false, true, false, false, false, (short) 300,
                    Status.NOT_AVAILABLE, LinkType.ETHERNET, 1, 0, 0)));
            List<Frame> frames = readFramesUntilClosedOr(socket, Integer.MAX_VALUE);
            assertError(frames, ErrorCode.UNEXPECTED_MESSAGE);
            assertEquals(7, frames.get(0).requestId());
            assertEquals(MessageType.STATUS.code(), ((ErrorMessage) frames.get(0).message()).refersType());
        }
    }

    @Test
    void oversizeFrameIsRefusedBeforeItsPayloadIsSent() throws IOException {
        try (Socket socket = connect()) {
            byte[] header = {0x4C, 0x4F, 1, 0x01, 0, 0, 0, 0, 0, 1, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
            socket.getOutputStream().write(header);
            assertError(readFramesUntilClosedOr(socket, Integer.MAX_VALUE), ErrorCode.FRAME_TOO_LARGE);
        }
    }

    @Test
    void wrongMacIsAuthFailedAndTheSameNonceIsNeverReused() throws IOException {
        byte[] firstNonce;
        try (Socket socket = connect()) {
            send(socket, Frame.request(1, new Hello("st-06", 1, "fw", 1)));
            firstNonce = ((Challenge) readFramesUntilClosedOr(socket, 1).get(0).message()).nonce();
            send(socket, Frame.request(2, new Auth(StationAuth.mac("guess", firstNonce, "st-06"))));
            assertError(readFramesUntilClosedOr(socket, Integer.MAX_VALUE), ErrorCode.AUTH_FAILED);
        }
        try (Socket socket = connect()) {
            send(socket, Frame.request(1, new Hello("st-06", 1, "fw", 1)));
            byte[] secondNonce = ((Challenge) readFramesUntilClosedOr(socket, 1).get(0).message()).nonce();
            assertEquals(32, secondNonce.length);
            assertFalse(Arrays.equals(firstNonce, secondNonce));
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(server.receiverAddress().getAddress(), server.receiverAddress().getPort());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static void send(Socket socket, Frame frame) throws IOException {
        ByteBuf encoded = FrameEncoder.encode(frame, Unpooled.buffer().alloc());
        try {
            socket.getOutputStream().write(ByteBufUtil.getBytes(encoded));
        } finally {
            encoded.release();
        }
    }

    /** Reads until {@code count} frames arrived or the server closed the connection. */
    private static List<Frame> readFramesUntilClosedOr(Socket socket, int count) throws IOException {
        EmbeddedChannel decoder = new EmbeddedChannel(new FrameDecoder(Direction.TO_RECEIVER));
        List<Frame> frames = new ArrayList<>();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        while (frames.size() < count) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            decoder.writeInbound(Unpooled.copiedBuffer(buffer, 0, n));
            for (Frame f; (f = decoder.readInbound()) != null; ) {
                frames.add(f);
            }
        }
        decoder.finishAndReleaseAll();
        return frames;
    }

    private static void assertError(List<Frame> frames, ErrorCode expected) {
        assertEquals(1, frames.size(), "exactly one frame, then the close: " + frames);
        Message m = frames.get(0).message();
        ErrorMessage error = assertInstanceOf(ErrorMessage.class, m);
        assertEquals(expected, error.errorCode(), error.text());
    }
}
