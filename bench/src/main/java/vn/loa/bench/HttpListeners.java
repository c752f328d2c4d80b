package vn.loa.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * N plain HTTP listeners of one stream (what IP speakers that pull from Icecast do), all on one selector
 * thread. Each plays its bytes at the stream's bit rate through the same model of a receiver the
 * simulator uses: playback starts once a second is buffered, and an underrun is a moment the buffer is
 * empty while the stream goes on. Counts listeners that never underrun over the measured span.
 */
final class HttpListeners {
    private static final double PREBUFFER_SECONDS = 1.0;

    private static final class Listener {
        final SocketChannel channel;
        boolean headersDone;
        final StringBuilder head = new StringBuilder();
        long bytes;
        long firstByteNanos;
        long startedNanos;
        int underruns;
        boolean inUnderrun;

        Listener(SocketChannel channel) {
            this.channel = channel;
        }

        double bufferedSeconds(long now, double bytesPerSecond) {
            double received = bytes / bytesPerSecond;
            double played = startedNanos == 0 ? 0 : (now - startedNanos) / 1e9;
            return received - played;
        }
    }

    static String run(String[] args) throws IOException {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String path = args[2];
        int n = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        double bytesPerSecond = Integer.parseInt(args[5]) * 1000 / 8.0;
        Selector selector = Selector.open();
        List<Listener> all = new ArrayList<>();
        byte[] request = ("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\nUser-Agent: loa-bench\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < n; i++) {
            SocketChannel c = Connector.open(host, port, i);
            c.write(ByteBuffer.wrap(request));
            c.configureBlocking(false);
            Listener l = new Listener(c);
            c.register(selector, SelectionKey.OP_READ, l);
            all.add(l);
        }
        long connected = System.nanoTime();
        long end = connected + seconds * 1_000_000_000L;
        ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024);
        int closed = 0;
        while (System.nanoTime() < end) {
            selector.select(20);
            long now = System.nanoTime();
            for (SelectionKey key : selector.selectedKeys()) {
                Listener l = (Listener) key.attachment();
                buf.clear();
                int read;
                try {
                    read = l.channel.read(buf);
                } catch (IOException reset) {
                    // The server dropped this listener (Icecast resets one that falls too far behind): closed.
                    read = -1;
                }
                if (read < 0) {
                    key.cancel();
                    l.channel.close();
                    closed++;
                    continue;
                }
                buf.flip();
                if (!l.headersDone) {
                    while (buf.hasRemaining() && !l.headersDone) {
                        l.head.append((char) buf.get());
                        l.headersDone = l.head.toString().endsWith("\r\n\r\n");
                    }
                }
                if (buf.hasRemaining() && l.firstByteNanos == 0) {
                    l.firstByteNanos = now;
                }
                l.bytes += buf.remaining();
            }
            selector.selectedKeys().clear();
            for (Listener l : all) {
                if (l.firstByteNanos == 0) {
                    continue;
                }
                if (l.startedNanos == 0 && l.bytes / bytesPerSecond >= PREBUFFER_SECONDS) {
                    l.startedNanos = now;
                }
                boolean empty = l.startedNanos != 0 && l.bufferedSeconds(now, bytesPerSecond) < 0;
                if (empty && !l.inUnderrun) {
                    l.underruns++;
                }
                l.inUnderrun = empty;
            }
        }
        long clean = all.stream().filter(l -> l.startedNanos != 0 && l.underruns == 0).count();
        long neverStarted = all.stream().filter(l -> l.startedNanos == 0).count();
        long bytes = all.stream().mapToLong(l -> l.bytes).sum();
        for (Listener l : all) {
            l.channel.close();
        }
        return "{\"listeners\":" + n + ",\"clean\":" + clean + ",\"neverStarted\":" + neverStarted + ",\"closed\":" + closed
                + ",\"seconds\":" + seconds + ",\"bytes\":" + bytes + "}";
    }
}
