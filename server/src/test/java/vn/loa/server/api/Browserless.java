package vn.loa.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A client that behaves like a signed-in browser as far as the server can tell: it keeps the session
 * cookie it was given and sends the headers a browser would (Origin, X-CSRF-Token) only when told to.
 */
final class Browserless {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An answer: status, JSON body, the Set-Cookie and Retry-After headers. */
    record Answer(int status, JsonNode body, String setCookie, String retryAfter) {
        String code() {
            return body == null || body.get("code") == null ? null : body.get("code").asText();
        }
    }

    private final URI base;
    String cookie;
    String csrf;

    Browserless(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    Answer login(String name, String password) {
        Answer a = send("POST", "/api/login", "{\"name\":\"%s\",\"password\":\"%s\"}".formatted(name, password), Map.of());
        if (a.status() == 200) {
            take(a);
        }
        return a;
    }

    /** Keeps the cookie and CSRF token an answer hands out. */
    void take(Answer a) {
        if (a.setCookie() != null) {
            String value = a.setCookie().substring(a.setCookie().indexOf('=') + 1, a.setCookie().indexOf(';'));
            cookie = value.isEmpty() ? null : value;
        }
        if (a.body() != null && a.body().hasNonNull("csrf")) {
            csrf = a.body().get("csrf").asText();
        }
    }

    Answer get(String path) {
        return send("GET", path, null, Map.of());
    }

    /** A change as the console makes it: cookie, X-CSRF-Token and our own Origin. */
    Answer change(String method, String path, String json) {
        return send(method, path, json, Map.of("X-CSRF-Token", csrf, "Origin", base.toString()));
    }

    Answer send(String method, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (cookie != null) {
            b.header("Cookie", SessionsApi.COOKIE + "=" + cookie);
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body().isEmpty() ? null : JSON.readTree(r.body());
            return new Answer(r.statusCode(), body, r.headers().firstValue("Set-Cookie").orElse(null),
                    r.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
