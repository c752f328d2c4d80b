package vn.loa.server.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import vn.loa.server.station.StationDirectory;
import vn.loa.server.store.Sql;
import vn.loa.server.store.StoreException;

/**
 * Users and their tokens in the database. A token is shown once, when issued, and stored only as its
 * hash; checking one is a single indexed lookup that also refuses disabled users and expired tokens.
 */
public final class Users {
    /** The user LOA_ADMIN_TOKEN logs in as, and the label its token carries. */
    public static final String BOOTSTRAP_ADMIN = "admin";
    static final String BOOTSTRAP_LABEL = "LOA_ADMIN_TOKEN";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private final DataSource db;
    private final StationDirectory directory;
    private final Clock clock;

    /** The request cannot be met as made; for a 400. */
    public static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    public Users(DataSource db, StationDirectory directory, Clock clock) {
        this.db = db;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Sets (or resets) the user's password and ends every session they have: whoever knew the old one is
     * signed out. False if there is no such user.
     *
     * @throws Passwords.Weak when the password is too short or too long
     */
    public boolean setPassword(String name, String password) {
        Passwords.check(password);
        boolean set = Sql.update(db, "UPDATE app_user SET password_hash = ?, password_changed_at = ? WHERE name = ?",
                Passwords.hash(password), clock.instant(), name) > 0;
        if (set) {
            Sql.update(db, "DELETE FROM user_session WHERE user_name = ?", name);
        }
        return set;
    }

    /**
     * The enabled user with this name and password. An unknown name, a user without a password and a
     * disabled user cost one hash verification each, like a wrong password, so timing tells nothing.
     */
    public Optional<Principal> checkPassword(String name, String password) {
        if (name == null || password == null || name.length() > 64 || password.length() > Passwords.MAX_LENGTH) {
            Passwords.burn(password);
            return Optional.empty();
        }
        record Row(Principal principal, String hash, boolean disabled) {
        }
        Optional<Row> row = Sql.select("SELECT name, role, scopes, password_hash, disabled FROM app_user")
                .where("name = ?", name)
                .list(db, "name", 1, rs -> new Row(new Principal(rs.getString(1), Role.valueOf(rs.getString(2)),
                        split(rs.getString(3))), rs.getString(4), rs.getBoolean(5)))
                .stream().findFirst();
        if (row.isEmpty() || row.get().hash() == null) {
            Passwords.burn(password);
            return Optional.empty();
        }
        if (!Passwords.verify(password, row.get().hash()) || row.get().disabled()) {
            return Optional.empty();
        }
        if (Passwords.needsRehash(row.get().hash())) {
            Sql.update(db, "UPDATE app_user SET password_hash = ? WHERE name = ?", Passwords.hash(password), name);
        }
        return Optional.of(row.get().principal());
    }

    /** Creates the user; false if the name is taken. */
    public boolean create(String name, String displayName, Role role, Set<String> scopes) {
        check(name, role, scopes);
        if (find(name).isPresent()) {
            return false;
        }
        Sql.update(db, "INSERT INTO app_user (name, display_name, role, scopes, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                name, displayName, role.name(), String.join(",", new TreeSet<>(scopes)), false, clock.instant());
        return true;
    }

    /** Changes role, scopes and the disabled flag; false if there is no such user. */
    public boolean update(String name, Role role, Set<String> scopes, boolean disabled) {
        check(name, role, scopes);
        boolean updated = Sql.update(db, "UPDATE app_user SET role = ?, scopes = ?, disabled = ? WHERE name = ?",
                role.name(), String.join(",", new TreeSet<>(scopes)), disabled, name) > 0;
        if (updated && disabled) { // a disabled user's browsers are signed out, not merely refused
            Sql.update(db, "DELETE FROM user_session WHERE user_name = ?", name);
        }
        return updated;
    }

    public boolean delete(String name) {
        return Sql.update(db, "DELETE FROM app_user WHERE name = ?", name) > 0;
    }

    /** The longest token label: it is shown in lists, not read as prose (the column holds 255). */
    public static final int MAX_LABEL_CHARS = 100;

    /** A new token for the user, returned in clear this once; null validity means it does not expire. */
    public String issueToken(String user, String label, Duration validity) {
        if (label != null && label.length() > MAX_LABEL_CHARS) {
            throw new Invalid("a token label must be at most " + MAX_LABEL_CHARS + " characters");
        }
        if (find(user).isEmpty()) {
            throw new Invalid("no user " + user);
        }
        String token = Tokens.generate();
        store(user, token, label, validity);
        return token;
    }

    public boolean revokeToken(String user, long tokenId) {
        return Sql.update(db, "DELETE FROM api_token WHERE user_name = ? AND id = ?", user, tokenId) > 0;
    }

    /**
     * LOA_ADMIN_TOKEN: makes sure the admin user exists and that {@code token} is its one bootstrap
     * token, replacing whatever value the variable had at the previous start.
     */
    public void ensureBootstrapAdmin(String token) {
        if (find(BOOTSTRAP_ADMIN).isEmpty()) {
            create(BOOTSTRAP_ADMIN, "Quản trị hệ thống", Role.ADMIN, Set.of());
        }
        Sql.update(db, "DELETE FROM api_token WHERE user_name = ? AND label = ?", BOOTSTRAP_ADMIN, BOOTSTRAP_LABEL);
        store(BOOTSTRAP_ADMIN, token, BOOTSTRAP_LABEL, null);
    }

    /** The user behind a presented token, if it is known, unexpired and the user is enabled. */
    public Optional<Principal> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > 512) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Sql.select("SELECT u.name, u.role, u.scopes, t.expires_at FROM api_token t "
                        + "JOIN app_user u ON u.name = t.user_name")
                .where("t.token_hash = ?", Tokens.hash(token))
                .where("u.disabled = ?", false)
                .list(db, "t.id", 1, rs -> {
                    Instant expires = Sql.instant(rs, 4);
                    return expires != null && !now.isBefore(expires) ? null
                            : new Principal(rs.getString(1), Role.valueOf(rs.getString(2)), split(rs.getString(3)));
                })
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    public List<UserView> list() {
        return Sql.select("SELECT name FROM app_user").list(db, "name", 10_000, rs -> rs.getString(1))
                .stream().map(this::find).flatMap(Optional::stream).toList();
    }

    public Optional<UserView> find(String name) {
        List<UserView.TokenView> tokens = Sql.select("SELECT id, label, created_at, expires_at FROM api_token")
                .where("user_name = ?", name)
                .list(db, "id", 1_000, rs -> new UserView.TokenView(rs.getLong(1), rs.getString(2), Sql.instant(rs, 3),
                        Sql.instant(rs, 4)));
        return Sql.select("SELECT name, display_name, role, scopes, disabled, created_at, password_hash IS NOT NULL FROM app_user")
                .where("name = ?", name)
                .list(db, "name", 1, rs -> new UserView(rs.getString(1), rs.getString(2), rs.getString(3).toLowerCase(),
                        split(rs.getString(4)), rs.getBoolean(5), Sql.instant(rs, 6), rs.getBoolean(7), tokens))
                .stream().findFirst();
    }

    private void store(String user, String token, String label, Duration validity) {
        Instant now = clock.instant();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO api_token (user_name, token_hash, label, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, user);
            ps.setString(2, Tokens.hash(token));
            ps.setString(3, label == null || label.isBlank() ? "token" : label.strip());
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setTimestamp(5, validity == null ? null : Timestamp.from(now.plus(validity)));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot store a token for " + user + ": " + e.getMessage(), e);
        }
    }

    private void check(String name, Role role, Set<String> scopes) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new Invalid("user name must be 2-64 characters of a-z, 0-9, '.', '_', '-', starting with a letter "
                    + "or digit, not '" + name + "'");
        }
        if (role == null) {
            throw new Invalid("role is required: operator, officer, technician or admin");
        }
        if (role != Role.ADMIN && (scopes == null || scopes.isEmpty())) {
            throw new Invalid("a " + role.label() + " needs at least one area in scopes");
        }
        for (String area : scopes == null ? Set.<String>of() : scopes) {
            if (!directory.hasArea(area)) {
                throw new Invalid("scope '" + area + "' is not an area in stations.yaml");
            }
        }
    }

    private static Set<String> split(String scopes) {
        return scopes == null || scopes.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(scopes.split(",")));
    }
}
