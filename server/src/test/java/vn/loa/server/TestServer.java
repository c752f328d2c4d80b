package vn.loa.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import vn.loa.server.config.CommandLine;
import vn.loa.server.config.ConfigLoader;
import vn.loa.sim.StationCredentials;

/**
 * A real server on free ports with a small generated configuration: stations st-01..st-20 (secret
 * "secret-st-NN"), a disabled station st-off, heartbeat N = 1 s so liveness tests stay short.
 */
public final class TestServer implements AutoCloseable {
    public static final long HEARTBEAT_MS = 1_000;
    public static final int STATIONS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LoaServer server;
    /** LOA_ADMIN_TOKEN of every test server; the plain helpers below call as this admin. */
    public static final String ADMIN_TOKEN = "loa_test-admin-token-for-tests-only";
    private final ApiClient admin = new ApiClient(this::baseUri, ADMIN_TOKEN);

    /** An HTTP answer: status and JSON body (null when the body is not JSON). */
    public record Reply(int status, JsonNode body) {
    }

    public TestServer(Path dir) throws Exception {
        this(dir, null);
    }

    /** @param databaseUrl null for the default H2 file in the data directory */
    public TestServer(Path dir, String databaseUrl) throws Exception {
        this(dir, databaseUrl, "none");
    }

    public TestServer(Path dir, String databaseUrl, String communeBQuietHours) throws Exception {
        this(dir, databaseUrl, communeBQuietHours, UnaryOperator.identity());
    }

    /** @param extraYaml lines appended to server.yaml, e.g. an {@code http:} block with short timeouts */
    public TestServer(Path dir, String databaseUrl, String communeBQuietHours, String extraYaml) throws Exception {
        this(dir, databaseUrl, communeBQuietHours, yaml -> yaml + extraYaml);
    }

    /** @param editServerYaml rewrites the generated server.yaml before the server reads it */
    public static TestServer withServerYaml(Path dir, UnaryOperator<String> editServerYaml) throws Exception {
        return new TestServer(dir, null, "none", editServerYaml);
    }

    private TestServer(Path dir, String databaseUrl, String communeBQuietHours, UnaryOperator<String> editServerYaml)
            throws Exception {
        Path config = TestConfig.write(dir, databaseUrl, communeBQuietHours);
        Path yaml = config.resolve("server.yaml");
        Files.writeString(yaml, editServerYaml.apply(Files.readString(yaml)));
        CommandLine cli = CommandLine.parse("--config", config.toString(), "--data", dir.resolve("data").toString(),
                "--receiver-port", "0", "--http-port", "0");
        server = new LoaServer(new ConfigLoader().load(cli), Clock.systemUTC(), ADMIN_TOKEN).start();
    }

    /** st-01..07 in commune-a, st-08..14 in commune-b, st-15..20 (and the disabled st-off) in commune-c. */
    public static String communeOf(String station) {
        int n = Integer.parseInt(station.substring(3));
        return n <= 7 ? "commune-a" : n <= 14 ? "commune-b" : "commune-c";
    }

    public static List<StationCredentials> credentials() {
        List<StationCredentials> list = new ArrayList<>();
        for (int i = 1; i <= STATIONS; i++) {
            String id = "st-%02d".formatted(i);
            list.add(new StationCredentials(id, "secret-" + id));
        }
        return list;
    }

    public static StationCredentials credentials(String id) {
        return new StationCredentials(id, "secret-" + id);
    }

    public int httpPort() {
        return server.httpPort();
    }

    public InetSocketAddress receiverAddress() {
        return new InetSocketAddress("127.0.0.1", server.receiverPort());
    }

    public Reply get(String path) {
        return admin.get(path);
    }

    public Reply put(String path, String json) {
        return admin.put(path, json);
    }

    public Reply delete(String path) {
        return admin.delete(path);
    }

    public Reply post(String path, String contentType, String body) {
        return admin.post(path, contentType, body);
    }

    /** Calls made with another token (null: none at all). */
    public ApiClient as(String token) {
        return new ApiClient(this::baseUri, token);
    }

    /** Creates a user through the API and returns its first token. */
    public String user(String name, String role, String... scopes) {
        String body = "{\"name\":\"%s\",\"role\":\"%s\",\"scopes\":[%s]}".formatted(name, role,
                String.join(",", java.util.Arrays.stream(scopes).map(a -> "\"" + a + "\"").toList()));
        Reply reply = post("/api/users", "application/json", body);
        if (reply.status() != 201) {
            throw new IllegalStateException("cannot create user " + name + ": " + reply);
        }
        return reply.body().get("token").asText();
    }

    public JsonNode station(String id) {
        Reply r = get("/api/stations/" + id);
        if (r.status() != 200) {
            throw new AssertionError("GET station " + id + " gave " + r);
        }
        return r.body();
    }

    public boolean online(String id) {
        return station(id).get("online").asBoolean();
    }

    public long onlineCount() {
        JsonNode all = get("/api/stations").body();
        long n = 0;
        for (JsonNode s : all) {
            n += s.get("online").asBoolean() ? 1 : 0;
        }
        return n;
    }

    private URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.httpPort());
    }

    @Override
    public void close() {
        server.close();
    }
}
