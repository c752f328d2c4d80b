package vn.loa.server.auth;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A user as the API shows it: never a token, only each token's label and dates. */
public record UserView(String name, String displayName, String role, Set<String> scopes, boolean disabled,
                       Instant createdAt, List<TokenView> tokens) {

    public record TokenView(long id, String label, Instant createdAt, Instant expiresAt) {
    }
}
