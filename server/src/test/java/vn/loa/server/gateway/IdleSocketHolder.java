package vn.loa.server.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An attacker that keeps {@code count} idle sockets open to the receiver port from one address, never
 * saying a word, and opens a new one the moment the server closes any of them: for the handshake
 * deadline, or to make room for a newer connection. One thread, like a small script on a device
 * behind the receivers' NAT.
 */
final class IdleSocketHolder implements AutoCloseable {
    private final InetSocketAddress target;
    private final InetAddress from;
    private final Selector selector;
    private final Thread loop;
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean running = true;

    IdleSocketHolder(InetSocketAddress target, InetAddress from, int count) throws IOException {
        this.target = target;
        this.from = from;
        this.selector = Selector.open();
        for (int i = 0; i < count; i++) {
            openOne();
        }
        loop = new Thread(this::holdUntilClosed, "idle-socket-holder");
        loop.setDaemon(true);
        loop.start();
    }

    /** Connections opened in all, the first {@code count} included. */
    int opened() {
        return opened.get();
    }

    /** Connections the server has not closed yet, as far as this side has noticed. */
    int open() {
        return open.get();
    }

    private void openOne() throws IOException {
        SocketChannel ch = SocketChannel.open();
        ch.bind(new InetSocketAddress(from, 0));
        ch.connect(target);
        ch.configureBlocking(false);
        ch.register(selector, SelectionKey.OP_READ);
        opened.incrementAndGet();
        open.incrementAndGet();
    }

    private void holdUntilClosed() {
        ByteBuffer sink = ByteBuffer.allocate(256);
        try {
            while (running) {
                selector.select(50);
                for (SelectionKey key : selector.selectedKeys()) {
                    SocketChannel ch = (SocketChannel) key.channel();
                    sink.clear();
                    int read;
                    try {
                        read = ch.read(sink);
                    } catch (IOException reset) {
                        read = -1;
                    }
                    if (read < 0) {
                        key.cancel();
                        ch.close();
                        open.decrementAndGet();
                        if (running) {
                            openOne();
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            if (running) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            loop.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }
}
