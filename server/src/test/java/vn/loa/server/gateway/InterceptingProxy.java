package vn.loa.server.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An attacker on the path between one receiver and the server: forwards both ways, keeps a copy of
 * every COMMAND frame the server sends, can hold them back, and can inject bytes towards the receiver.
 * Test code, so a thread per direction is fine.
 */
final class InterceptingProxy implements AutoCloseable {
    private static final int COMMAND_TYPE = 0x08;
    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    final List<byte[]> commands = new CopyOnWriteArrayList<>();
    private volatile boolean holdCommands;
    private volatile OutputStream toReceiver;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    InterceptingProxy(InetSocketAddress upstream) throws IOException {
        this.upstream = upstream;
        this.listener = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
    }

    void holdCommands(boolean hold) {
        this.holdCommands = hold;
    }

    synchronized void inject(byte[] frame) throws IOException {
        toReceiver.write(frame);
        toReceiver.flush();
    }

    private void accept() {
        try {
            while (true) {
                Socket receiver = listener.accept();
                Socket server = new Socket(upstream.getAddress(), upstream.getPort());
                sockets.addAll(List.of(receiver, server));
                toReceiver = receiver.getOutputStream();
                pump("proxy-up", receiver.getInputStream(), server.getOutputStream());
                Thread down = new Thread(() -> framesDown(server), "proxy-down");
                down.setDaemon(true);
                down.start();
            }
        } catch (IOException closed) {
            // the test is over
        }
    }

    private static void pump(String name, InputStream in, OutputStream out) {
        Thread t = new Thread(() -> {
            try {
                in.transferTo(out);
            } catch (IOException closed) {
                // one side went away
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    /** Server to receiver, frame by frame, so COMMANDs can be copied and held. */
    private void framesDown(Socket server) {
        try {
            InputStream in = server.getInputStream();
            ByteArrayOutputStream pending = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            int n;
            while ((n = in.read(chunk)) > 0) {
                pending.write(chunk, 0, n);
                byte[] bytes = pending.toByteArray();
                int at = 0;
                while (bytes.length - at >= 14) {
                    int length = ByteBuffer.wrap(bytes, at + 10, 4).getInt();
                    if (bytes.length - at < 14 + length) {
                        break;
                    }
                    byte[] frame = Arrays.copyOfRange(bytes, at, at + 14 + length);
                    boolean command = (frame[3] & 0xFF) == COMMAND_TYPE;
                    if (command) {
                        commands.add(frame);
                    }
                    if (!command || !holdCommands) {
                        inject(frame);
                    }
                    at += 14 + length;
                }
                pending.reset();
                pending.write(bytes, at, bytes.length - at);
            }
        } catch (IOException closed) {
            // one side went away
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
