package vn.loa.server.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.protocol.ServerSignature;
import vn.loa.server.SimEvents;
import vn.loa.server.TestServer;
import vn.loa.server.identity.ServerIdentity;
import vn.loa.sim.DeviceSimulator;
import vn.loa.sim.ServerTrust;

/** Receivers that pin the server's key log in to the real server only; old receivers carry on as before. */
class ServerIdentityTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @TempDir
    Path dir;

    @Test
    void aReceiverPinningTheServersKeyLogsInVerified() throws Exception {
        SimEvents events = new SimEvents();
        try (TestServer server = new TestServer(dir);
             DeviceSimulator sim = pinnedTo(server, dir.resolve("data/identity").resolve(ServerIdentity.PUBLIC_FILE), events)) {
            sim.add(TestServer.credentials("st-01"));
            await().atMost(WAIT).until(() -> server.online("st-01"));
            await().atMost(WAIT).until(() -> events.has("st-01", "welcome", "serverVerified", true));
        }
    }

    @Test
    void aReceiverPinningAnotherKeyRefusesThisServerAndSaysWhy() throws Exception {
        Path otherKey = Files.writeString(dir.resolve("other.pub"), ServerSignature.publicKeyPem(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic()));
        SimEvents events = new SimEvents();
        try (TestServer server = new TestServer(dir); DeviceSimulator sim = pinnedTo(server, otherKey, events)) {
            sim.add(TestServer.credentials("st-01"));
            await().atMost(WAIT).until(() -> !events.of("st-01", "server_refused").isEmpty());
            assertFalse(events.of("st-01", "server_refused").get(0).field("reason").toString().isEmpty());
            assertFalse(events.has("st-01", "welcome", e -> true), "never believed the server");
        }
    }

    @Test
    void theKeyIsPrivateToTheServerAndKeptAcrossRestarts() throws Exception {
        String first;
        try (TestServer server = new TestServer(dir)) {
            first = ServerIdentity.loadOrCreate(dir.resolve("data")).fingerprint();
        }
        Path key = dir.resolve("data/identity").resolve(ServerIdentity.PRIVATE_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        try (TestServer again = new TestServer(dir)) {
            assertEquals(first, ServerIdentity.loadOrCreate(dir.resolve("data")).fingerprint());
        }
    }

    @Test
    void aReceiverThatSendsNoNonceGetsAnUnsignedWelcomeAsBefore() throws Exception {
        try (TestServer server = new TestServer(dir); RawReceiver old = new RawReceiver(server.receiverAddress())) {
            assertNull(old.login("st-02", "secret-st-02").signature());
            await().atMost(WAIT).until(() -> server.online("st-02"));
        }
    }

    private static DeviceSimulator pinnedTo(TestServer server, Path key, SimEvents events) {
        return new DeviceSimulator(server.receiverAddress(), events.log(), ServerTrust.of(key, false, null));
    }
}
