package vn.loa.server.api;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import vn.loa.server.auth.Access;
import vn.loa.server.auth.Passwords;
import vn.loa.server.auth.Principal;
import vn.loa.server.auth.Sessions;
import vn.loa.server.auth.Users;
import vn.loa.server.config.HttpEdgeSettings;

/**
 * Signing in as a person (issue 15): {@code POST /api/login} with name and password answers with an
 * HttpOnly, SameSite=Strict session cookie (Secure when the port speaks TLS) and the session's CSRF token;
 * {@code POST /api/logout} ends it; {@code POST /api/me/password} changes one's own password and
 * {@code POST /api/users/{name}/password} lets an admin reset one. Failed sign-ins are counted per name
 * and per address and answered 429 with Retry-After past the limit; every attempt is in the audit (its
 * body with the password masked), as POST requests are.
 */
public final class SessionsApi {
    /** The cookie's name. */
    public static final String COOKIE = "loa_session";
    private final Users users;
    private final Sessions sessions;
    private final boolean tls;
    private final FailedTokens byName;
    private final FailedTokens byAddress;

    /** Body of POST /api/login. */
    public record LoginRequest(String name, String password) {
    }

    /** Body of POST /api/me/password (password: the current one) and POST /api/users/{name}/password. */
    public record PasswordRequest(String password, String newPassword) {
    }

    public SessionsApi(Users users, Sessions sessions, boolean tls, HttpEdgeSettings limits, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.tls = tls;
        Duration window = Duration.ofSeconds(limits.loginWindowSeconds());
        this.byName = new FailedTokens(limits.loginFailuresPerName(), window, clock);
        this.byAddress = new FailedTokens(limits.loginFailuresPerAddress(), window, clock);
    }

    public void register(Router router) {
        router.add(HttpMethod.POST, "/api/login", Access.PUBLIC, Endpoint.sync(this::login))
                .add(HttpMethod.POST, "/api/logout", Access.MONITOR, Endpoint.sync(this::logout))
                .add(HttpMethod.POST, "/api/me/password", Access.MONITOR, Endpoint.sync(this::changeOwn))
                .add(HttpMethod.POST, "/api/users/{name}/password", Access.ADMIN, Endpoint.sync(this::reset));
    }

    private ApiResponse login(ApiRequest request) {
        AccessGate.refuseForeign(request, null);
        LoginRequest body = Json.body(request, LoginRequest.class);
        String name = body.name() == null ? "" : body.name().strip().toLowerCase(Locale.ROOT);
        String nameKey = name.length() > 64 ? name.substring(0, 64) : name;
        String address = FailedTokens.host(request.remoteAddress());
        long wait = Math.max(byName.waitFor(nameKey), byAddress.waitFor(address));
        if (wait > 0) {
            throw new FailedTokens.Blocked("too_many_failed_logins",
                    "too many failed sign-ins for '" + shown(nameKey) + "' or from this address", wait);
        }
        Principal who = users.checkPassword(name, body.password()).orElse(null);
        if (who == null) {
            byName.failed(nameKey);
            byAddress.failed(address);
            // The name tried goes into the refusal, so the audit row says who was tried (never the password).
            throw new ApiException(HttpResponseStatus.UNAUTHORIZED, "login_refused",
                    "sign-in refused for '" + shown(nameKey) + "': the name or password is wrong, or the user is disabled");
        }
        sessions.prune();
        Sessions.Opened opened = sessions.open(who.name(), request.remoteAddress());
        return new ApiResponse(HttpResponseStatus.OK, me(who, opened.csrf(), opened.expiresAt().toString()),
                Map.of("Set-Cookie", cookie(opened.cookie(), sessions.absolute().toSeconds())));
    }

    /** A tried name as the refusal quotes it: printable characters only. */
    private static String shown(String name) {
        return name.replaceAll("[^\\p{L}\\p{N}._@-]", "?");
    }

    private ApiResponse logout(ApiRequest request) {
        if (request.session() != null) {
            sessions.close(request.session());
        }
        return new ApiResponse(HttpResponseStatus.OK, Map.of("id", request.actor(), "status", "SIGNED_OUT"),
                Map.of("Set-Cookie", cookie("", 0)));
    }

    private ApiResponse changeOwn(ApiRequest request) {
        PasswordRequest body = Json.body(request, PasswordRequest.class);
        String name = request.actor();
        if (byName.waitFor(name) > 0) {
            throw new FailedTokens.Blocked("too_many_failed_logins", "too many wrong passwords for this name",
                    byName.waitFor(name));
        }
        if (users.checkPassword(name, body.password()).isEmpty()) {
            byName.failed(name);
            throw new ApiException(HttpResponseStatus.BAD_REQUEST, "wrong_password", "the current password is wrong");
        }
        set(name, body.newPassword());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", name);
        answer.put("status", "PASSWORD_CHANGED");
        if (request.session() == null) {
            return ApiResponse.ok(answer);
        }
        // Every session of the user ended with the old password; this browser carries on in a new one.
        Sessions.Opened opened = sessions.open(name, request.remoteAddress());
        answer.put("csrf", opened.csrf());
        return new ApiResponse(HttpResponseStatus.OK, answer,
                Map.of("Set-Cookie", cookie(opened.cookie(), sessions.absolute().toSeconds())));
    }

    private ApiResponse reset(ApiRequest request) {
        String name = request.pathParam(0);
        PasswordRequest body = Json.body(request, PasswordRequest.class);
        if (users.find(name).isEmpty()) {
            throw ApiException.notFound("no user " + name).withCode("no_such_user").withParam("name", name);
        }
        set(name, body.password());
        return ApiResponse.ok(Map.of("id", name, "status", "PASSWORD_SET"));
    }

    private void set(String name, String password) {
        try {
            users.setPassword(name, password);
        } catch (Passwords.Weak e) {
            throw new ApiException(HttpResponseStatus.BAD_REQUEST, "weak_password", e.getMessage());
        }
    }

    /** What GET /api/me and a sign-in answer: who, and for a cookie session its CSRF token. */
    static Map<String, Object> me(Principal who, String csrf, String expiresAt) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("id", who.name());
        me.put("name", who.name());
        me.put("role", who.role().label());
        me.put("scopes", who.scopes());
        if (csrf != null) {
            me.put("csrf", csrf);
        }
        if (expiresAt != null) {
            me.put("expiresAt", expiresAt);
        }
        return me;
    }

    private String cookie(String value, long maxAgeSeconds) {
        return COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                + (tls ? "; Secure" : "");
    }
}
