package vn.loa.server.api;

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
        String header = request.authorization();
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiException.unauthorized("this endpoint needs a token: send 'Authorization: Bearer <token>'");
        }
        Principal who = users.authenticate(header.substring(BEARER.length()).strip()).orElseThrow(() ->
                ApiException.unauthorized("the token is not valid: unknown, expired, revoked, or its user is disabled"));
        if (!who.role().allows(access)) {
            throw ApiException.forbidden(who, "a " + who.role().label() + " may not do this (it needs "
                    + access.name().toLowerCase() + " rights)");
        }
        return request.as(who);
    }
}
