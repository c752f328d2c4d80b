package vn.loa.server.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import vn.loa.protocol.Direction;
import vn.loa.protocol.Frame;
import vn.loa.protocol.StationAuth;
import vn.loa.protocol.codec.FrameDecoder;
import vn.loa.protocol.codec.FrameEncoder;
import vn.loa.protocol.message.Auth;
import vn.loa.protocol.message.Challenge;
import vn.loa.protocol.message.Hello;
import vn.loa.protocol.message.Welcome;

/** A receiver written by hand over a blocking socket, for tests that need to misbehave after the handshake. */
final class RawReceiver implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final EmbeddedChannel decoder = new EmbeddedChannel(new FrameDecoder(Direction.TO_RECEIVER));

    RawReceiver(InetSocketAddress server) throws IOException {
        socket = new Socket(server.getAddress(), server.getPort());
        socket.setSoTimeout(5_000);
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    Welcome login(String stationId, String secret) throws IOException {
        send(Frame.request(1, new Hello(stationId, 1, "raw", 0x3F)));
        flush();
        Challenge challenge = (Challenge) next().message();
        send(Frame.request(2, new Auth(StationAuth.mac(secret, challenge.nonce(), stationId))));
        flush();
        return (Welcome) next().message();
    }

    void send(Frame frame) throws IOException {
        ByteBuf encoded = FrameEncoder.encode(frame, Unpooled.buffer().alloc());
        try {
            out.write(ByteBufUtil.getBytes(encoded));
        } finally {
            encoded.release();
        }
    }

    void flush() throws IOException {
        out.flush();
    }

    /** The next frame from the server, waiting at most the socket timeout. */
    Frame next() throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        for (Frame f; ; ) {
            if ((f = decoder.readInbound()) != null) {
                return f;
            }
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("closed by the server");
            }
            decoder.writeInbound(Unpooled.copiedBuffer(buffer, 0, n));
        }
    }

    @Override
    public void close() throws IOException {
        decoder.finishAndReleaseAll();
        socket.close();
    }
}
