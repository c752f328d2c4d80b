package vn.loa.server.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.SimEvents;
import vn.loa.server.TestServer;
import vn.loa.sim.DeviceSimulator;

/**
 * Someone opens hundreds of TCP connections to the receiver port and never says HELLO. Before the cap
 * every one of them held a file descriptor until the handshake deadline, and at 20,000 the server could
 * not accept the real receivers any more. The server bound to 127.0.0.1 is attacked from 127.0.0.2..5 (the
 * whole 127/8 is loopback on Linux) while the real receivers connect from 127.0.0.1, and from 127.0.0.1
 * itself: a device behind the same NAT as the receivers.
 */
class PreAuthCapTest {
    private static final int IDLE_SOCKETS = 300;
    private static final int RECEIVERS_ADDRESS_CAP = 24;
    private final List<Socket> idle = new ArrayList<>();
    private TestServer server;
    private DeviceSimulator sim;
    private IdleSocketHolder holder;

    @AfterEach
    void stop() throws IOException {
        for (Socket s : idle) {
            s.close();
        }
        if (holder != null) {
            holder.close();
        }
        if (sim != null) {
            sim.close();
        }
        server.close();
    }

    @Test
    void hundredsOfIdleSocketsFromOneAddressDoNotKeepRealReceiversOut(@TempDir Path dir) throws Exception {
        server = TestServer.withServerYaml(dir, yaml -> yaml.replace("handshakeTimeoutMs: 1000", "handshakeTimeoutMs: 30000")
                + "receiverLimits: {preAuthConnections: 100, preAuthPerAddress: 20}\n");
        openIdleSockets(IDLE_SOCKETS, InetAddress.getByName("127.0.0.2"));

        long start = System.nanoTime();
        sim = new DeviceSimulator(server.receiverAddress(), new SimEvents().log());
        TestServer.credentials().forEach(sim::add);
        await().atMost(Duration.ofSeconds(15)).until(() -> server.onlineCount() == TestServer.STATIONS);
        long loginMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("pre-auth cap: %d idle sockets from one address, cap 20 per address: %d receivers online "
                + "in %d ms%n", IDLE_SOCKETS, TestServer.STATIONS, loginMs);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> metric("loa_receiver_preauth_address_refused_total") >= IDLE_SOCKETS - 20);
        assertEquals(0, metric("loa_receiver_preauth_refused_total"), "the total cap was never reached");
        assertTrue(closedByServer(idle.get(0)), "the oldest socket from the address made room for a newer one");
        // Four event loops accept in parallel, so the server's order can differ from the client's by a
        // few sockets: among the newest twenty, those still held show it is the oldest that go.
        boolean newestHeld = false;
        for (int i = IDLE_SOCKETS - 1; i >= IDLE_SOCKETS - 20 && !newestHeld; i--) {
            idle.get(i).setSoTimeout(200);
            try {
                idle.get(i).getInputStream().read();
            } catch (SocketTimeoutException stillOpen) {
                newestHeld = true;
            } catch (IOException closed) {
                // closed: look at an older one
            }
        }
        assertTrue(newestHeld, "the newest sockets are not the ones closed");
    }

    @Test
    void idleSocketsFromTheReceiversOwnAddressReopenedAsTheyCloseDoNotKeepThemOut(@TempDir Path dir) throws Exception {
        server = TestServer.withServerYaml(dir, yaml -> yaml
                + "receiverLimits: {preAuthConnections: 100, preAuthPerAddress: " + RECEIVERS_ADDRESS_CAP + "}\n");
        // A device behind the receivers' NAT holds the address's every handshake slot, never says HELLO,
        // and opens a new socket whenever one is closed; the 1 s handshake deadline closes each in turn.
        holder = new IdleSocketHolder(server.receiverAddress(), InetAddress.getByName("127.0.0.1"), RECEIVERS_ADDRESS_CAP);
        await().atMost(Duration.ofSeconds(15)).until(() -> holder.opened() >= 2 * RECEIVERS_ADDRESS_CAP);

        long start = System.nanoTime();
        sim = new DeviceSimulator(server.receiverAddress(), new SimEvents().log());
        TestServer.credentials().forEach(sim::add);
        await().atMost(Duration.ofSeconds(20)).until(() -> server.onlineCount() == TestServer.STATIONS);
        System.out.printf("pre-auth cap: %d idle sockets from the receivers' own address, reopened as closed "
                + "(%d opened so far): %d receivers online in %d ms%n", RECEIVERS_ADDRESS_CAP, holder.opened(),
                TestServer.STATIONS, (System.nanoTime() - start) / 1_000_000);

        // Not one eviction per receiver: the 1 s deadline also frees slots, and a receiver arriving just
        // then takes a free one. That receivers arrived into a full address at all is what this pins.
        assertTrue(metric("loa_receiver_preauth_address_refused_total") > 0,
                "receivers' connections closed the address's oldest idle sockets to get in");
        assertEquals(0, metric("loa_receiver_preauth_refused_total"), "the total cap was never reached");
        await().atMost(Duration.ofSeconds(5)).until(() -> holder.open() == RECEIVERS_ADDRESS_CAP);
    }

    @Test
    void idleSocketsFromManyAddressesFillingEverySlotAreClosedOldestFirstToLetRealReceiversIn(@TempDir Path dir)
            throws Exception {
        server = TestServer.withServerYaml(dir, yaml -> yaml.replace("handshakeTimeoutMs: 1000", "handshakeTimeoutMs: 30000")
                + "receiverLimits: {preAuthConnections: 50, preAuthPerAddress: 50}\n");
        for (int i = 2; i < 6; i++) {
            openIdleSockets(IDLE_SOCKETS / 4, InetAddress.getByName("127.0.0." + i));
        }
        // 75 from each address: the first address's last 25 close its own oldest (the per-address cap of
        // 50), the other addresses' close the oldest of all.
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("loa_receiver_preauth_refused_total")
                + metric("loa_receiver_preauth_address_refused_total") == IDLE_SOCKETS - 50);
        assertTrue(metric("loa_receiver_preauth_refused_total") > 0, "slots were made room in, not only refused");
        assertTrue(closedByServer(idle.get(0)), "the oldest idle socket made room for a newer one");

        // Every slot is held by an idle socket, and their handshake deadline is 30 s away: each real
        // receiver's connection closes the oldest of them instead of being refused.
        long start = System.nanoTime();
        sim = new DeviceSimulator(server.receiverAddress(), new SimEvents().log());
        TestServer.credentials().forEach(sim::add);
        await().atMost(Duration.ofSeconds(15)).until(() -> server.onlineCount() == TestServer.STATIONS);
        System.out.printf("pre-auth cap: every one of 50 slots held by idle sockets from 4 addresses: %d receivers "
                + "online in %d ms%n", TestServer.STATIONS, (System.nanoTime() - start) / 1_000_000);
    }

    private void openIdleSockets(int count, InetAddress from) throws IOException {
        InetSocketAddress target = server.receiverAddress();
        for (int i = 0; i < count; i++) {
            Socket s = new Socket();
            s.bind(new InetSocketAddress(from, 0));
            s.connect(target, 5_000);
            idle.add(s);
        }
    }

    private static boolean closedByServer(Socket socket) throws IOException {
        socket.setSoTimeout(5_000);
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private long metric(String name) throws Exception {
        String text = HttpClient.newHttpClient().send(server.as(TestServer.ADMIN_TOKEN).builder("/metrics").GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^" + name + " (\\d+)").matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
