package vn.loa.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.TestConfig;
import vn.loa.server.TestServer;
import vn.loa.server.config.ConfigException;

/** {@code loa-server.jar user ...} on the server's own database; the token it prints works on the API. */
class UserCommandTest {
    @TempDir
    Path dir;

    @Test
    void usersMadeOnTheCommandLineCanUseTheApi() throws Exception {
        TestConfig.write(dir, null);
        String token = run(0, "add", "can-bo-xa-a", "--role", "operator", "--scope", "commune-a",
                "--display-name", "Cán bộ xã A").strip();
        assertTrue(token.startsWith("loa_") && token.length() > 40, token);
        assertTrue(run(1, "add", "can-bo-xa-a", "--role", "operator", "--scope", "commune-a").contains("already exists"));
        assertTrue(run(1, "add", "ky-thuat", "--role", "technician").contains("needs at least one area"));
        assertThrows(ConfigException.class, () -> run(2, "add", "x1", "--role", "mayor", "--scope", "commune-a"));
        String second = run(0, "token", "can-bo-xa-a", "--label", "máy tính bảng", "--days", "30").strip();
        String list = run(0, "list");
        assertTrue(list.contains("can-bo-xa-a") && list.contains("operator") && list.contains("máy tính bảng"), list);

        try (TestServer server = new TestServer(dir)) {
            assertEquals("can-bo-xa-a", server.as(token).get("/api/me").body().get("name").asText());
            assertEquals("can-bo-xa-a", server.as(second).get("/api/me").body().get("name").asText());
            assertEquals(7, server.as(token).get("/api/stations").body().size());
        }
        assertTrue(run(0, "remove", "can-bo-xa-a").contains("removed"));
        assertEquals(1, new UserCommand(new PrintStream(new ByteArrayOutputStream())).run(List.of("remove", "can-bo-xa-a",
                "--config", dir.resolve("config").toString(), "--data", dir.resolve("data").toString())));
    }

    private String run(int expectedExit, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--config", dir.resolve("config").toString(), "--data", dir.resolve("data").toString()));
        int exit = new UserCommand(new PrintStream(out, true, StandardCharsets.UTF_8)).run(all);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(expectedExit, exit, text);
        return text;
    }
}
