package vn.loa.server.api;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import vn.loa.server.auth.Access;
import vn.loa.server.auth.Passwords;
import vn.loa.server.auth.Sessions;
import vn.loa.server.auth.Role;
import vn.loa.server.auth.UserView;
import vn.loa.server.auth.Users;
import vn.loa.server.text.TextRules;

/**
 * /api/users (admins): people, roles, scopes and tokens; /api/me (anyone signed in): who the token
 * belongs to. A token appears in clear once, in the answer that issued it.
 */
public final class UsersApi {
    private static final int MAX_TOKEN_DAYS = 3660;
    /** A person's name as a console shows it; the column holds 255, no real name needs more than this. */
    static final int MAX_DISPLAY_NAME_CHARS = 100;
    private final Users users;

    /** Body of POST /api/users and PUT /api/users/{name}. */
    public record UserRequest(String name, String displayName, String role, Set<String> scopes, Boolean disabled,
                              String password) {
    }

    /** Body of POST /api/users/{name}/tokens. validDays: null for a token that does not expire. */
    public record TokenRequest(String label, Integer validDays) {
    }

    private final Sessions sessions;

    public UsersApi(Users users) {
        this(users, null);
    }

    /** @param sessions for /api/me to hand a cookie session its CSRF token again (after a reload) */
    public UsersApi(Users users, Sessions sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    public void register(Router router) {
        router.add(HttpMethod.GET, "/api/me", Access.MONITOR, Endpoint.sync(r -> ApiResponse.ok(SessionsApi.me(r.principal(),
                        r.session() == null || sessions == null ? null : sessions.csrf(r.session()).orElse(null), null))))
                .add(HttpMethod.GET, "/api/users", Access.ADMIN, Endpoint.sync(r -> ApiResponse.ok(users.list())))
                .add(HttpMethod.GET, "/api/users/{name}", Access.ADMIN, Endpoint.sync(r -> ApiResponse.ok(user(r.pathParam(0)))))
                .add(HttpMethod.POST, "/api/users", Access.ADMIN, Endpoint.sync(this::create))
                .add(HttpMethod.PUT, "/api/users/{name}", Access.ADMIN, Endpoint.sync(this::update))
                .add(HttpMethod.DELETE, "/api/users/{name}", Access.ADMIN, Endpoint.sync(this::delete))
                .add(HttpMethod.POST, "/api/users/{name}/tokens", Access.ADMIN, Endpoint.sync(this::issue))
                .add(HttpMethod.DELETE, "/api/users/{name}/tokens/{id}", Access.ADMIN, Endpoint.sync(this::revoke));
    }

    private ApiResponse create(ApiRequest request) {
        UserRequest body = Json.body(request, UserRequest.class);
        TextRules.line("displayName", body.displayName(), MAX_DISPLAY_NAME_CHARS);
        checkPassword(body.password());
        try {
            if (!users.create(body.name(), body.displayName(), role(body.role()), scopes(body.scopes()))) {
                throw new ApiException(HttpResponseStatus.CONFLICT, "name_taken", "user " + body.name() + " already exists")
                        .withParam("name", body.name());
            }
            if (body.password() != null) {
                users.setPassword(body.name(), body.password());
            }
            String token = users.issueToken(body.name(), "first token", null);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("user", user(body.name()));
            answer.put("token", token);
            return new ApiResponse(HttpResponseStatus.CREATED, answer);
        } catch (Users.Invalid e) {
            throw ApiException.badRequest(e.getMessage()).withCode("invalid_user");
        }
    }

    private ApiResponse update(ApiRequest request) {
        String name = request.pathParam(0);
        UserRequest body = Json.body(request, UserRequest.class);
        checkPassword(body.password());
        try {
            if (!users.update(name, role(body.role()), scopes(body.scopes()), Boolean.TRUE.equals(body.disabled()))) {
                throw ApiException.notFound("no user " + name).withCode("no_such_user").withParam("name", name);
            }
            if (body.password() != null) {
                users.setPassword(name, body.password());
            }
        } catch (Users.Invalid e) {
            throw ApiException.badRequest(e.getMessage()).withCode("invalid_user");
        }
        return ApiResponse.ok(user(name));
    }

    private ApiResponse delete(ApiRequest request) {
        String name = request.pathParam(0);
        if (name.equals(request.actor())) {
            throw ApiException.badRequest("you cannot delete yourself").withCode("cannot_delete_self");
        }
        if (!users.delete(name)) {
            throw ApiException.notFound("no user " + name).withCode("no_such_user").withParam("name", name);
        }
        return ApiResponse.ok(Map.of("name", name, "status", "DELETED"));
    }

    private ApiResponse issue(ApiRequest request) {
        String name = request.pathParam(0);
        user(name);
        TokenRequest body = Json.body(request, TokenRequest.class);
        if (body.validDays() != null && (body.validDays() < 1 || body.validDays() > MAX_TOKEN_DAYS)) {
            throw ApiException.badRequest("validDays must be 1.." + MAX_TOKEN_DAYS + ", or left out for no expiry")
                    .withCode("invalid_valid_days").withParam("max", MAX_TOKEN_DAYS);
        }
        TextRules.line("label", body.label(), Users.MAX_LABEL_CHARS);
        String token = users.issueToken(name, body.label(),
                body.validDays() == null ? null : Duration.ofDays(body.validDays()));
        return new ApiResponse(HttpResponseStatus.CREATED, Map.of("user", name, "token", token));
    }

    private ApiResponse revoke(ApiRequest request) {
        String name = request.pathParam(0);
        long id = Params.number(request.pathParam(1), "token id");
        if (!users.revokeToken(name, id)) {
            throw ApiException.notFound("user " + name + " has no token " + id).withCode("no_such_token");
        }
        return ApiResponse.ok(Map.of("user", name, "id", id, "status", "REVOKED"));
    }

    private static void checkPassword(String password) {
        if (password == null) {
            return;
        }
        try {
            Passwords.check(password);
        } catch (Passwords.Weak e) {
            throw new ApiException(HttpResponseStatus.BAD_REQUEST, "weak_password", e.getMessage());
        }
    }

    private UserView user(String name) {
        return users.find(name).orElseThrow(() -> ApiException.notFound("no user " + name).withCode("no_such_user").withParam("name", name));
    }

    static Role role(String value) {
        if (value == null) {
            throw ApiException.badRequest("role is required: operator, officer, technician or admin").withCode("role_required");
        }
        try {
            return Role.valueOf(value.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("role must be one of " + Arrays.toString(Role.values()).toLowerCase()
                    + ", not '" + value + "'").withCode("invalid_role");
        }
    }

    private static Set<String> scopes(Set<String> scopes) {
        return scopes == null ? Set.of() : scopes;
    }
}
