package vn.loa.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.protocol.CommandType;
import vn.loa.protocol.Direction;
import vn.loa.protocol.Frame;
import vn.loa.protocol.ServerSignature;
import vn.loa.protocol.codec.FrameDecoder;
import vn.loa.protocol.codec.FrameEncoder;
import vn.loa.protocol.message.Challenge;
import vn.loa.protocol.message.Command;
import vn.loa.protocol.message.Hello;
import vn.loa.protocol.message.Welcome;

/**
 * Someone on the commune's network answers in the server's place (a spoofed address, a hijacked DNS
 * name) and, once the receiver is "welcomed", orders it to mute. A receiver that pins the server's key
 * refuses every server that cannot sign its nonce with that key, and says why in its log.
 */
class FakeServerTest {
    private final KeyPair realServer = ed25519();
    private final KeyPair impostor = ed25519();
    private final List<SimEvent> events = new CopyOnWriteArrayList<>();
    private ServerSocket listener;
    private DeviceSimulator sim;

    @AfterEach
    void stop() throws IOException {
        if (sim != null) {
            sim.close();
        }
        listener.close();
    }

    @Test
    void aServerSigningWithAnotherKeyIsRefusedAndItsCommandIsNeverCarriedOut(@TempDir Path dir) throws Exception {
        SimulatedReceiver receiver = pinnedReceiverAgainst(impostor.getPrivate(), dir);
        await().atMost(Duration.ofSeconds(10)).until(() -> has("server_refused"));
        assertTrue(reason().contains("not signed by the pinned server key " + ServerSignature.fingerprint(realServer.getPublic())),
                reason());
        assertFalse(has("welcome"), "never logged in");
        assertFalse(receiver.device().muted(), "the impostor's MUTE was never carried out");
    }

    @Test
    void aServerThatDoesNotSignIsRefused(@TempDir Path dir) throws Exception {
        pinnedReceiverAgainst(null, dir);
        await().atMost(Duration.ofSeconds(10)).until(() -> has("server_refused"));
        assertEquals("WELCOME is not signed", reason());
    }

    @Test
    void theServerHoldingThePinnedKeyIsBelieved(@TempDir Path dir) throws Exception {
        pinnedReceiverAgainst(realServer.getPrivate(), dir);
        await().atMost(Duration.ofSeconds(10)).until(() -> has("welcome"));
        assertTrue(events.stream().anyMatch(e -> e.event().equals("welcome") && Boolean.TRUE.equals(e.field("serverVerified"))));
        assertFalse(has("server_refused"));
    }

    /** A one-connection server that signs WELCOME with {@code signer} (null: unsigned), then sends MUTE. */
    private SimulatedReceiver pinnedReceiverAgainst(PrivateKey signer, Path dir) throws Exception {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread fake = new Thread(() -> serveOnce(signer), "fake-server");
        fake.setDaemon(true);
        fake.start();
        Path keyFile = Files.writeString(dir.resolve("server.pub"), ServerSignature.publicKeyPem(realServer.getPublic()));
        EventLog log = new EventLog(null);
        log.addListener(events::add);
        sim = new DeviceSimulator(new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort()), log,
                ServerTrust.of(keyFile, false, null));
        return sim.add(new StationCredentials("st-01", "secret-st-01"));
    }

    private void serveOnce(PrivateKey signer) {
        try (Socket s = listener.accept()) {
            s.setSoTimeout(5_000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            EmbeddedChannel decoder = new EmbeddedChannel(new FrameDecoder(Direction.TO_SERVER));
            Frame hello = next(in, decoder);
            byte[] nonce = new byte[32];
            write(out, Frame.replyTo(hello, new Challenge(nonce)));
            Frame auth = next(in, decoder);
            Welcome welcome = new Welcome(1_000, System.currentTimeMillis() * 1000, 7);
            if (signer != null) {
                welcome = welcome.withSignature(ServerSignature.sign(signer, ((Hello) hello.message()).receiverNonce(),
                        nonce, "st-01", welcome));
            }
            write(out, Frame.replyTo(auth, welcome));
            write(out, Frame.request(9, new Command(CommandType.MUTE.code(), 0, Long.MAX_VALUE / 2, Long.MAX_VALUE)));
            while (in.read() >= 0) {
                // hold the connection until the receiver drops it
            }
        } catch (IOException closed) {
            // the test is over, or the receiver hung up
        }
    }

    private static Frame next(InputStream in, EmbeddedChannel decoder) throws IOException {
        byte[] buffer = new byte[4096];
        for (Frame f; ; ) {
            if ((f = decoder.readInbound()) != null) {
                return f;
            }
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("receiver closed");
            }
            decoder.writeInbound(Unpooled.copiedBuffer(buffer, 0, n));
        }
    }

    private static void write(OutputStream out, Frame frame) throws IOException {
        ByteBuf bytes = FrameEncoder.encode(frame, Unpooled.buffer().alloc());
        try {
            out.write(ByteBufUtil.getBytes(bytes));
            out.flush();
        } finally {
            bytes.release();
        }
    }

    private boolean has(String event) {
        return events.stream().anyMatch(e -> e.event().equals(event));
    }

    private String reason() {
        return events.stream().filter(e -> e.event().equals("server_refused")).findFirst()
                .map(e -> String.valueOf(e.field("reason"))).orElse("");
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
