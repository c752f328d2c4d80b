package vn.loa.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.TestConfig;
import vn.loa.server.TestServer;
import vn.loa.server.config.ConfigException;

/** {@code user add ... --password-stdin} and {@code user password NAME --password-stdin}: a password never on the command line. */
class UserPasswordCommandTest {
    @TempDir
    Path dir;

    @Test
    void aPasswordSetOnTheCommandLineSignsIn() throws Exception {
        TestConfig.write(dir, null);
        run(0, "mat-khau-dong-lenh\n", "add", "quan-tri-2", "--role", "admin", "--password-stdin");
        assertTrue(run(1, "ngan\n", "add", "quan-tri-3", "--role", "admin", "--password-stdin").contains("at least 10"));
        assertTrue(run(0, "", "list").contains("quan-tri-2") && !run(0, "", "list").contains("quan-tri-3"),
                "a refused password creates no user");
        assertThrows(ConfigException.class, () -> run(2, "", "password", "quan-tri-2"));
        try (TestServer server = new TestServer(dir)) {
            assertEquals(200, login(server, "quan-tri-2", "mat-khau-dong-lenh"));
        }
        assertTrue(run(0, "mat-khau-moi-dong-lenh\n", "password", "quan-tri-2", "--password-stdin").contains("password set"));
        assertEquals(1, new UserCommand(new PrintStream(new ByteArrayOutputStream()), new ByteArrayInputStream("mat-khau-bat-ky\n".getBytes()))
                .run(List.of("password", "khong-co", "--password-stdin", "--config", dir.resolve("config").toString(),
                        "--data", dir.resolve("data").toString())));
        try (TestServer server = new TestServer(dir)) {
            assertEquals(401, login(server, "quan-tri-2", "mat-khau-dong-lenh"));
            assertEquals(200, login(server, "quan-tri-2", "mat-khau-moi-dong-lenh"));
        }
    }

    private static int login(TestServer server, String name, String password) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private String run(int expectedExit, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", dir.resolve("config").toString(), "--data", dir.resolve("data").toString()));
        int exit = new UserCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))).run(all);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(expectedExit, exit, text);
        return text;
    }
}
