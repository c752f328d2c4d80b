import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.loa.sim.DeviceSimulator;
import vn.loa.sim.EventLog;
import vn.loa.sim.StationCredentials;

/**
 * Opens idle sockets to a running server's receiver port from 127.0.1.1..N (loopback on Linux), counts
 * how many the server still holds, then times the stations of a secrets file logging in beside them.
 * Run by bench/preauth.sh: java -cp device-sim/target/loa-sim.jar bench/PreAuthFlood.java PORT IDLE ADDRESSES SECRETS
 */
public class PreAuthFlood {
    public static void main(String[] args) throws Exception {
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0]));
        int idle = Integer.parseInt(args[1]);
        int addresses = Integer.parseInt(args[2]);
        List<StationCredentials> stations = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[3]))) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                stations.add(new StationCredentials(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
            }
        }
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < idle; i++) {
            Socket s = new Socket();
            s.bind(new InetSocketAddress("127.0.1." + (1 + i % addresses), 0));
            s.connect(server, 2_000);
            sockets.add(s);
        }
        Thread.sleep(500);
        int held = 0;
        for (Socket s : sockets) {
            s.setSoTimeout(1);
            try {
                held += s.getInputStream().read() >= 0 ? 1 : 0;
            } catch (SocketTimeoutException stillOpen) {
                held++;
            } catch (java.io.IOException reset) {
                // closed by the server
            }
        }
        Set<String> welcomed = ConcurrentHashMap.newKeySet();
        EventLog log = new EventLog(null);
        log.addListener(e -> {
            if (e.event().equals("welcome")) {
                welcomed.add(e.station());
            }
        });
        long start = System.nanoTime();
        try (DeviceSimulator sim = new DeviceSimulator(server, log)) {
            stations.forEach(sim::add);
            while (welcomed.size() < stations.size() && System.nanoTime() - start < 60_000_000_000L) {
                Thread.sleep(5);
            }
        }
        System.out.printf("preauth: %d idle sockets from %d addresses, %d held by the server; %d of %d receivers "
                + "logged in within %d ms%n", idle, addresses, held, welcomed.size(), stations.size(),
                (System.nanoTime() - start) / 1_000_000);
        for (Socket s : sockets) {
            s.close();
        }
    }
}
