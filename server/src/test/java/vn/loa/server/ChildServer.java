package vn.loa.server;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server as a real child process (same classpath as the tests), for crash and restart tests. */
public final class ChildServer implements AutoCloseable {
    private static final Pattern HTTP_PORT = Pattern.compile("HTTP API listening on http://[^:]+:(\\d+)/");
    private static final Pattern RECEIVER_PORT = Pattern.compile("Receiver gateway listening on [^:]+:(\\d+) ");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();
    private int port;

    public record Reply(int status, JsonNode body) {
    }

    public ChildServer(Path config, Path data, Path log) throws IOException {
        this(config, data, log, java.util.Map.of());
    }

    /** @param environment variables set for the child beside the admin token, e.g. a locale */
    public ChildServer(Path config, Path data, Path log, java.util.Map<String, String> environment) throws IOException {
        this.log = log;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "vn.loa.server.Main",
                "--config", config.toString(), "--data", data.toString(), "--receiver-port", "0", "--http-port", "0")
                .directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("LOA_ADMIN_TOKEN", TestServer.ADMIN_TOKEN);
        builder.environment().putAll(environment);
        process = builder.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("server exited: " + Files.readString(log));
            }
            Matcher m = HTTP_PORT.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
            }
            return port != 0;
        });
    }

    public Reply post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Reply delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN)
                .DELETE().build());
    }

    /** Where simulated receivers connect to this server. */
    public java.net.InetSocketAddress receiverAddress() throws IOException {
        Matcher m = RECEIVER_PORT.matcher(Files.readString(log));
        if (!m.find()) {
            throw new IllegalStateException("the server did not log its receiver port");
        }
        return new java.net.InetSocketAddress("127.0.0.1", Integer.parseInt(m.group(1)));
    }

    public Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN).build());
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed that was not already. Returns the exit code. */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        return process.exitValue();
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), JSON.readTree(r.body()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
