import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import vn.loa.sim.DeviceSimulator;
import vn.loa.sim.EventLog;
import vn.loa.sim.StationCredentials;

/**
 * Opens idle sockets to a running server's receiver port, counts how many the server still holds, then
 * times the stations of a secrets file logging in beside them. ADDRESSES is either a count N, the sockets
 * spread over 127.0.1.1..N (loopback on Linux) and opened once, or {@code own}: from 127.0.0.1, the
 * receivers' own address (a device behind their NAT), each socket reopened the moment the server closes
 * it, and the receivers started only after HOLD_S seconds, when the handshake deadline has closed and the
 * attacker reopened every one at least once.
 * Run by bench/preauth.sh: java -cp device-sim/target/loa-sim.jar bench/PreAuthFlood.java PORT IDLE ADDRESSES SECRETS [HOLD_S]
 */
public class PreAuthFlood {
    public static void main(String[] args) throws Exception {
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0]));
        int idle = Integer.parseInt(args[1]);
        boolean own = args[2].equals("own");
        List<StationCredentials> stations = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[3]))) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                stations.add(new StationCredentials(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
            }
        }
        Reopener reopener = null;
        List<Socket> sockets = new ArrayList<>();
        int held = 0;
        if (own) {
            reopener = new Reopener(server, idle);
            Thread.sleep(1_000L * Integer.parseInt(args.length > 4 ? args[4] : "11"));
            held = reopener.open.get();
        } else {
            int addresses = Integer.parseInt(args[2]);
            for (int i = 0; i < idle; i++) {
                Socket s = new Socket();
                s.bind(new InetSocketAddress("127.0.1." + (1 + i % addresses), 0));
                s.connect(server, 2_000);
                sockets.add(s);
            }
            Thread.sleep(500);
            held = countHeld(sockets);
        }
        Set<String> welcomed = ConcurrentHashMap.newKeySet();
        EventLog log = new EventLog(null);
        log.addListener(e -> {
            if (e.event().equals("welcome")) {
                welcomed.add(e.station());
            }
        });
        int openedBefore = own ? reopener.opened.get() : idle;
        long start = System.nanoTime();
        try (DeviceSimulator sim = new DeviceSimulator(server, log)) {
            stations.forEach(sim::add);
            while (welcomed.size() < stations.size() && System.nanoTime() - start < 60_000_000_000L) {
                Thread.sleep(5);
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (own) {
            reopener.stop();
            System.out.printf("preauth: %d idle sockets from the receivers' own address, reopened as closed (%d opened "
                    + "before the receivers started, %d more while they logged in), %d open on the attacker's side; %d of %d "
                    + "receivers logged in within %d ms%n", idle, openedBefore, reopener.opened.get() - openedBefore,
                    held, welcomed.size(), stations.size(), ms);
        } else {
            System.out.printf("preauth: %d idle sockets from %s addresses, %d held by the server; %d of %d receivers "
                    + "logged in within %d ms%n", idle, args[2], held, welcomed.size(), stations.size(), ms);
        }
        for (Socket s : sockets) {
            s.close();
        }
    }

    private static int countHeld(List<Socket> sockets) throws IOException {
        int held = 0;
        for (Socket s : sockets) {
            s.setSoTimeout(1);
            try {
                held += s.getInputStream().read() >= 0 ? 1 : 0;
            } catch (SocketTimeoutException stillOpen) {
                held++;
            } catch (IOException reset) {
                // closed by the server
            }
        }
        return held;
    }

    /** Keeps {@code count} silent sockets open from 127.0.0.1, opening a new one whenever the server closes one. */
    static final class Reopener {
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger open = new AtomicInteger();
        private final InetSocketAddress server;
        private final Selector selector;
        private final Thread loop;
        private volatile boolean running = true;

        Reopener(InetSocketAddress server, int count) throws IOException {
            this.server = server;
            this.selector = Selector.open();
            for (int i = 0; i < count; i++) {
                openOne();
            }
            loop = new Thread(this::run, "reopener");
            loop.setDaemon(true);
            loop.start();
        }

        private void openOne() throws IOException {
            SocketChannel ch = SocketChannel.open();
            ch.bind(new InetSocketAddress("127.0.0.1", 0));
            ch.connect(server);
            ch.configureBlocking(false);
            ch.register(selector, SelectionKey.OP_READ);
            opened.incrementAndGet();
            open.incrementAndGet();
        }

        private void run() {
            ByteBuffer sink = ByteBuffer.allocate(256);
            try {
                while (running) {
                    selector.select(50);
                    for (SelectionKey key : selector.selectedKeys()) {
                        SocketChannel ch = (SocketChannel) key.channel();
                        int read;
                        try {
                            read = ch.read(sink.clear());
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
                System.err.println("preauth: reopener stopped: " + e);
            }
        }

        void stop() throws Exception {
            running = false;
            selector.wakeup();
            loop.join(5_000);
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
        }
    }
}
