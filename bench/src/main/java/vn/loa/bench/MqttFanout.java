package vn.loa.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How an MQTT broker would carry an alert command: N subscribers on one topic at QoS 1, one publisher,
 * one message; the time from the publish to each subscriber's receipt, and to the last. Speaks the few
 * MQTT 3.1.1 packets it needs itself, on one selector thread.
 */
final class MqttFanout {
    private static final String TOPIC = "loa/alerts";

    private static final class Subscriber {
        final SocketChannel channel;
        final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        boolean connected;
        boolean subscribed;
        long receivedNanos;

        Subscriber(SocketChannel channel) {
            this.channel = channel;
        }
    }

    static String run(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int n = Integer.parseInt(args[2]);
        Selector selector = Selector.open();
        List<Subscriber> subs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SocketChannel c = Connector.open(host, port, i);
            c.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
            write(c, connect("sub-" + i));
            write(c, subscribe());
            c.configureBlocking(false);
            Subscriber s = new Subscriber(c);
            c.register(selector, SelectionKey.OP_READ, s);
            subs.add(s);
        }
        pump(selector, 60_000, () -> subs.stream().allMatch(s -> s.subscribed));
        SocketChannel publisher = Connector.open(host, port, -1);
        publisher.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
        write(publisher, connect("publisher"));
        publisher.read(ByteBuffer.allocate(4));
        long published = System.nanoTime();
        write(publisher, publish("{\"alert\":\"flash flood\",\"priority\":\"EMERGENCY\"}"));
        pump(selector, 60_000, () -> subs.stream().allMatch(s -> s.receivedNanos != 0));
        long[] ms = subs.stream().filter(s -> s.receivedNanos != 0)
                .mapToLong(s -> (s.receivedNanos - published) / 1_000_000).sorted().toArray();
        publisher.close();
        for (Subscriber s : subs) {
            s.channel.close();
        }
        return "{\"subscribers\":" + n + ",\"received\":" + ms.length + ",\"p50Ms\":" + pct(ms, 50) + ",\"p99Ms\":" + pct(ms, 99)
                + ",\"maxMs\":" + (ms.length == 0 ? -1 : ms[ms.length - 1]) + "}";
    }

    private static long pct(long[] sorted, int p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    private static void pump(Selector selector, long timeoutMs, java.util.function.BooleanSupplier done) throws IOException {
        long end = System.currentTimeMillis() + timeoutMs;
        ByteBuffer buf = ByteBuffer.allocate(16 * 1024);
        while (!done.getAsBoolean() && System.currentTimeMillis() < end) {
            selector.select(10);
            long now = System.nanoTime();
            for (SelectionKey key : selector.selectedKeys()) {
                Subscriber s = (Subscriber) key.attachment();
                buf.clear();
                if (s.channel.read(buf) < 0) {
                    key.cancel();
                    continue;
                }
                s.pending.write(buf.array(), 0, buf.position());
                packets(s, now);
            }
            selector.selectedKeys().clear();
        }
    }

    /** Handles every whole packet received so far: CONNACK, SUBACK, PUBLISH (answered with PUBACK). */
    private static void packets(Subscriber s, long now) throws IOException {
        byte[] data = s.pending.toByteArray();
        int at = 0;
        while (at < data.length) {
            int type = (data[at] & 0xF0) >> 4;
            int length = 0;
            int multiplier = 1;
            int i = at + 1;
            while (true) {
                if (i >= data.length) {
                    keep(s, data, at);
                    return;
                }
                int b = data[i++] & 0xFF;
                length += (b & 0x7F) * multiplier;
                multiplier *= 128;
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            if (i + length > data.length) {
                keep(s, data, at);
                return;
            }
            switch (type) {
                case 2 -> s.connected = true;
                case 9 -> s.subscribed = true;
                case 3 -> {
                    if (s.receivedNanos == 0) {
                        s.receivedNanos = now;
                    }
                    int topicLength = ((data[i] & 0xFF) << 8) | (data[i + 1] & 0xFF);
                    int pid = i + 2 + topicLength;
                    write(s.channel, new byte[] {0x40, 0x02, data[pid], data[pid + 1]});
                }
                default -> { }
            }
            at = i + length;
        }
        s.pending.reset();
    }

    private static void keep(Subscriber s, byte[] data, int from) {
        s.pending.reset();
        s.pending.write(data, from, data.length - from);
    }

    private static byte[] connect(String clientId) {
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 60});
        body.writeBytes(string(id));
        return packet(0x10, body.toByteArray());
    }

    private static byte[] subscribe() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0, 1});
        body.writeBytes(string(TOPIC.getBytes(StandardCharsets.UTF_8)));
        body.write(1);
        return packet(0x82, body.toByteArray());
    }

    private static byte[] publish(String payload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(string(TOPIC.getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(new byte[] {0, 7});
        body.writeBytes(payload.getBytes(StandardCharsets.UTF_8));
        return packet(0x32, body.toByteArray());
    }

    private static byte[] string(byte[] s) {
        byte[] out = new byte[s.length + 2];
        out[0] = (byte) (s.length >> 8);
        out[1] = (byte) s.length;
        System.arraycopy(s, 0, out, 2, s.length);
        return out;
    }

    private static byte[] packet(int header, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header);
        int length = body.length;
        do {
            int b = length % 128;
            length /= 128;
            out.write(length > 0 ? b | 0x80 : b);
        } while (length > 0);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static void write(SocketChannel c, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            c.write(b);
        }
    }
}
