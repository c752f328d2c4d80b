package vn.loa.server.auth;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A user as the API shows it: never a token or a password, only each token's label and dates and whether a password is set. */
public record UserView(String name, String displayName, String role, Set<String> scopes, boolean disabled,
                       Instant createdAt, boolean hasPassword, List<TokenView> tokens) {

    public record TokenView(long id, String label, Instant createdAt, Instant expiresAt) {
    }
}
