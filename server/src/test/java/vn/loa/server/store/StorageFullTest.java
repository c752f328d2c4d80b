package vn.loa.server.store;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.SimEvents;
import vn.loa.server.TestServer;
import vn.loa.sim.DeviceSimulator;

/**
 * A real full disk under the H2 store: the data directory is a small tmpfs (the test runs as root,
 * as CI does), filled with a file until the kernel answers ENOSPC. Writes must be refused with 507,
 * health must say DEGRADED with 503, nothing may air that cannot be journaled, and once the file is
 * deleted the server must take writes again by itself, with everything acknowledged before still there.
 */
class StorageFullTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String JSON = "application/json";

    @TempDir
    Path dir;
    private Path mount;
    private TestServer server;
    private DeviceSimulator sim;

    @AfterEach
    void unmount() throws Exception {
        if (sim != null) {
            sim.close();
        }
        if (server != null) {
            server.close();
        }
        if (mount != null) {
            new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void aFullDiskIsAStateTheServerReportsAndHealsFrom() throws Exception {
        mount = Files.createDirectories(dir.resolve("data"));
        boolean mounted = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", mount.toString())
                .inheritIO().start().waitFor() == 0;
        if (!mounted) {
            mount = null;
        }
        assumeTrue(mounted || System.getenv("CI") != null, "mounting a tmpfs needs root; CI runs as root");
        assertTrue(mounted, "CI must be able to mount a tmpfs to test a full disk");

        server = new TestServer(dir);
        SimEvents events = new SimEvents();
        sim = new DeviceSimulator(server.receiverAddress(), events.log());
        sim.add(TestServer.credentials("st-01"));
        await().atMost(WAIT).until(() -> server.online("st-01"));
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            before.add("truoc-" + i);
            server.user("truoc-" + i, "operator", "commune-a");
        }
        assertEquals(200, server.get("/api/health").status());

        Path filler = mount.resolve("filler");
        fill(filler);
        // The very first change after the disk filled is refused as a full disk, not as an audit failure.
        List<String> refusedNames = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = "day-" + i;
            TestServer.Reply r = server.post("/api/users", JSON, "{\"name\":\"" + name + "\",\"role\":\"operator\","
                    + "\"scopes\":[\"commune-a\"]}");
            assertEquals(507, r.status(), "write " + i + " after the disk filled: " + r);
            assertEquals("storage_full", r.body().get("code").asText(), r.toString());
            refusedNames.add(name);
            // Reads change nothing, so a full disk never refuses them: 200, or 503 with Retry-After while H2 reopens.
            for (String read : List.of("/api/users", "/api/audit", "/api/stations")) {
                HttpResponse<String> answer = HttpClient.newHttpClient().send(server.as(TestServer.ADMIN_TOKEN)
                        .builder(read).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(answer.statusCode() == 200 || answer.statusCode() == 503
                        && answer.headers().firstValue("Retry-After").isPresent(),
                        "GET " + read + " while the disk is full: " + answer.statusCode() + " " + answer.body());
            }
        }

        TestServer.Reply health = server.get("/api/health");
        assertEquals(503, health.status(), "a load balancer must see the store degraded: " + health);
        assertEquals("DEGRADED", health.body().get("status").asText());
        assertEquals("FULL", health.body().get("storage").get("fault").asText(), health.toString());

        TestServer.Reply broadcast = server.post("/api/broadcasts", JSON,
                "{\"media\":[\"tone.mp3\"],\"targets\":{\"stations\":[\"st-01\"]}}");
        assertEquals(507, broadcast.status(), "what cannot be journaled does not air: " + broadcast);
        assertTrue(events.of("st-01", "play_start").isEmpty(), "st-01 heard a broadcast that was never journaled");

        await().atMost(WAIT).untilAsserted(() -> assertEquals(200, server.get("/api/users").status(),
                "reads keep working while the disk is full"));
        assertEquals(503, server.get("/api/health").status(), "still full, still degraded");

        Files.delete(filler);
        await().atMost(WAIT).untilAsserted(() -> assertEquals(200, server.get("/api/health").status()));
        assertEquals("UP", server.get("/api/health").body().get("status").asText());
        TestServer.Reply after = server.post("/api/users", JSON,
                "{\"name\":\"sau\",\"role\":\"operator\",\"scopes\":[\"commune-a\"]}");
        assertEquals(201, after.status(), "healed without a restart: " + after);
        TestServer.Reply users = server.get("/api/users");
        for (String name : before) {
            assertTrue(users.body().toString().contains("\"" + name + "\""), name + " was acknowledged and lost");
        }
        for (String name : refusedNames) {
            assertTrue(!users.body().toString().contains("\"" + name + "\""), name + " was refused yet made");
        }
        // Every refused change is in the audit with its outcome: the rows waited for the disk, not dropped.
        await().atMost(WAIT).untilAsserted(() -> {
            // A call whose pending row was written before the disk refused the change keeps the refusal as
            // its detail; one refused at its audit row keeps its body: count rows, then look for names.
            JsonNode audit = server.get("/api/audit?limit=1000").body();
            assertTrue(rows(audit, "POST /api/users", 507) >= refusedNames.size(), "refused calls left unaudited: " + audit);
            assertTrue(rows(audit, "POST /api/broadcasts", 507) >= 1, "no audit row for the refused broadcast: " + audit);
        });
        TestServer.Reply aired = server.post("/api/broadcasts", JSON,
                "{\"media\":[\"tone.mp3\"],\"targets\":{\"stations\":[\"st-01\"]}}");
        assertEquals(201, aired.status(), aired.toString());
        await().atMost(WAIT).until(() -> !events.of("st-01", "play_start").isEmpty());
    }

    private static long rows(JsonNode audit, String action, int status) {
        long n = 0;
        for (JsonNode row : audit) {
            if (row.get("action").asText().equals(action) && row.get("status").asInt() == status
                    && row.get("outcome").asText().equals("done")) {
                n++;
            }
        }
        return n;
    }

    /** Takes the free space at once, as fallocate(1) does, then writes until the kernel says the device is full. */
    private static void fill(Path filler) throws Exception {
        long free = Files.getFileStore(filler.getParent()).getUsableSpace();
        new ProcessBuilder("fallocate", "-l", Long.toString(Math.max(0, free - 64 * 1024)), filler.toString())
                .inheritIO().start().waitFor();
        byte[] block = new byte[4 * 1024];
        try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            assertTrue(String.valueOf(full.getMessage()).contains("No space left"), full.toString());
        }
    }
}
