package vn.loa.server.api;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.net.URI;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import vn.loa.server.auth.Access;
import vn.loa.server.auth.Principal;
import vn.loa.server.auth.Sessions;
import vn.loa.server.auth.Users;

/**
 * The bearer-token check in front of every endpoint that is not public: 401 without a valid token,
 * 403 when the user's role does not include what the endpoint needs, 429 instead of 401 for an invalid
 * token (or listen ticket) from an address that has sent too many. A valid token is never refused by
 * that limit: tokens are 256 bits of randomness, so no rate of guessing can find one, and the limit
 * only damps noise and log flooding; refusing an officer during an emergency because someone else
 * behind the same proxy sent garbage would be the greater harm. Scopes (which stations) are the endpoints' own check, because only they know
 * which stations a request touches.
 */
public final class AccessGate implements Router.Gate {
    private static final String BEARER = "Bearer ";
    private static final String BASIC = "Basic ";
    private final Users users;
    private final boolean publicMetrics;
    private final FailedTokens failures;
    private Sessions sessions;

    /** A presented credential: the token, and the user name when it came as Basic authentication. */
    private record Credential(String user, String token) {
    }

    public AccessGate(Users users, boolean publicMetrics) {
        this(users, publicMetrics, 10, Duration.ofMinutes(5), Clock.systemUTC());
    }

    /** @param failedTokenLimit invalid tokens one address may send within {@code window} before it gets 429 */
    public AccessGate(Users users, boolean publicMetrics, int failedTokenLimit, Duration window, Clock clock) {
        this.users = users;
        this.publicMetrics = publicMetrics;
        this.failures = new FailedTokens(failedTokenLimit, window, clock);
    }

    /** Also admits browsers signed in with a password (issue 15), by their session cookie. */
    public AccessGate withSessions(Sessions sessions) {
        this.sessions = sessions;
        return this;
    }

    @Override
    public ApiRequest admit(ApiRequest request, Access access) {
        if (access == Access.PUBLIC || (publicMetrics && request.path().equals("/metrics"))) {
            return request;
        }
        Credential credential = credential(request.authorization());
        if (credential == null && sessions != null && request.cookie(SessionsApi.COOKIE) != null) {
            return bySession(request, access);
        }
        if (credential == null) {
            throw ApiException.unauthorized("this endpoint needs a token: send 'Authorization: Bearer <token>'")
                    .withCode("sign_in_required");
        }
        Principal who = users.authenticate(credential.token())
                .filter(p -> credential.user() == null || credential.user().equals(p.name()))
                .orElse(null);
        if (who == null) {
            throw failed(request, credential.user() == null
                    ? "the token is not valid: unknown, expired, revoked, or its user is disabled"
                    : "the user name and token do not match a valid token of that user");
        }
        if (!who.role().allows(access)) {
            throw ApiException.forbidden(who, "a " + who.role().label() + " may not do this (it needs "
                    + access.name().toLowerCase() + " rights)");
        }
        return request.as(who);
    }

    @Override
    public RuntimeException invalidTicket(ApiRequest request) {
        return failed(request, "the listen ticket is unknown, used or expired; ask for a new one");
    }

    /**
     * An invalid credential: 401, or 429 once its address has sent too many. Only invalid credentials are
     * counted and only they are refused 429; a valid token is always let through, even from an address
     * that is being blocked (behind a proxy, every officer shares the guesser's address).
     */
    private RuntimeException failed(ApiRequest request, String why) {
        String address = FailedTokens.host(request.remoteAddress());
        failures.check(address);
        failures.failed(address);
        return ApiException.unauthorized(why).withCode("token_invalid");
    }

    /**
     * A cookie session: 401 when it is unknown, expired or revoked (the console then shows sign-in); a
     * request that could change something must also prove it comes from the console itself (CSRF): the
     * session's token in X-CSRF-Token, and no foreign Origin or cross-site fetch.
     */
    private ApiRequest bySession(ApiRequest request, Access access) {
        Sessions.Live live = sessions.find(request.cookie(SessionsApi.COOKIE)).orElse(null);
        if (live == null) {
            throw new ApiException(io.netty.handler.codec.http.HttpResponseStatus.UNAUTHORIZED, "session_expired",
                    "the session has ended (signed out, expired or revoked); sign in again, or send 'Authorization: Bearer <token>'");
        }
        Principal who = live.principal();
        if (!SAFE.contains(request.method().name())) {
            refuseForeign(request, who);
            String sent = request.header("x-csrf-token");
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                    live.csrf().getBytes(StandardCharsets.UTF_8))) {
                throw new ApiException(io.netty.handler.codec.http.HttpResponseStatus.FORBIDDEN, "csrf_refused",
                        "a change made with a session cookie needs the session's X-CSRF-Token header").withPrincipal(who);
            }
        }
        if (!who.role().allows(access)) {
            throw ApiException.forbidden(who, "a " + who.role().label() + " may not do this (it needs "
                    + access.name().toLowerCase() + " rights)");
        }
        return request.as(who, live.id());
    }

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    /** 403 for a request a browser says came from another site: a foreign Origin, or Sec-Fetch-Site cross-site. */
    static void refuseForeign(ApiRequest request, Principal who) {
        String site = request.header("sec-fetch-site");
        String origin = request.header("origin");
        boolean foreign = "cross-site".equalsIgnoreCase(site) || (origin != null && !sameHost(origin, request.header("host")));
        if (foreign) {
            ApiException refused = new ApiException(io.netty.handler.codec.http.HttpResponseStatus.FORBIDDEN, "csrf_refused",
                    "this request comes from another site (Origin " + origin + "); it is refused");
            throw who == null ? refused : refused.withPrincipal(who);
        }
    }

    /** Origin "https://h" is Host "h" or "h:443"; "http://h:8080" is Host "h:8080". */
    static boolean sameHost(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null || host == null || uri.getScheme() == null) {
                return false;
            }
            int standard = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            int port = uri.getPort() < 0 ? standard : uri.getPort();
            String wanted = uri.getHost() + ":" + port;
            String given = host.matches(".*:\\d+") ? host : host + ":" + standard;
            return wanted.equalsIgnoreCase(given);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The token from a Bearer header, or user and password of a Basic one: players such as VLC cannot
     * send headers but do send {@code http://user:token@host/listen/...} as Basic authentication. The user
     * name must then be the token's user, so a stolen token cannot be passed off under another name.
     */
    private static Credential credential(String header) {
        if (header == null) {
            return null;
        }
        if (header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return new Credential(null, header.substring(BEARER.length()).strip());
        }
        if (header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            try {
                String pair = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()),
                        StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return colon < 0 ? null : new Credential(pair.substring(0, colon), pair.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
