package vn.loa.server.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import vn.loa.server.auth.Access;
import vn.loa.server.auth.Principal;
import vn.loa.server.auth.Users;

/**
 * The bearer-token check in front of every endpoint that is not public: 401 without a valid token,
 * 403 when the user's role does not include what the endpoint needs. Scopes (which stations) are the
 * endpoints' own check, because only they know which stations a request touches.
 */
public final class AccessGate implements Router.Gate {
    private static final String BEARER = "Bearer ";
    private static final String BASIC = "Basic ";
    private final Users users;
    private final boolean publicMetrics;

    public AccessGate(Users users, boolean publicMetrics) {
        this.users = users;
        this.publicMetrics = publicMetrics;
    }

    @Override
    public ApiRequest admit(ApiRequest request, Access access) {
        if (access == Access.PUBLIC || (publicMetrics && request.path().equals("/metrics"))) {
            return request;
        }
        String token = token(request.authorization());
        if (token == null) {
            throw ApiException.unauthorized("this endpoint needs a token: send 'Authorization: Bearer <token>'");
        }
        Principal who = users.authenticate(token).orElseThrow(() ->
                ApiException.unauthorized("the token is not valid: unknown, expired, revoked, or its user is disabled"));
        if (!who.role().allows(access)) {
            throw ApiException.forbidden(who, "a " + who.role().label() + " may not do this (it needs "
                    + access.name().toLowerCase() + " rights)");
        }
        return request.as(who);
    }

    /**
     * The token from a Bearer header, or the password of a Basic one: players such as VLC cannot send
     * headers but do send {@code http://user:token@host/listen/...} as Basic authentication.
     */
    private static String token(String header) {
        if (header == null) {
            return null;
        }
        if (header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return header.substring(BEARER.length()).strip();
        }
        if (header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            try {
                String pair = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()),
                        StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return colon < 0 ? null : pair.substring(colon + 1);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
