package vn.loa.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import vn.loa.server.store.Sql;

/**
 * Browser sessions after a password sign-in. The cookie value is 256 random bits shown to the browser
 * only; the database keeps its SHA-256, like tokens. A session ends when it has been idle too long, at its
 * absolute end whatever its use, at sign-out, and when its user is disabled or their password is reset.
 */
public final class Sessions {
    private final DataSource db;
    private final Clock clock;
    private final Duration idle;
    private final Duration absolute;

    /** A new session, its cookie value in clear this once, and its CSRF token. */
    public record Opened(String cookie, String csrf, Instant expiresAt) {
    }

    /** The user behind a live session, and that session's CSRF token and id. */
    public record Live(Principal principal, String csrf, long id) {
    }

    public Sessions(DataSource db, Clock clock, Duration idle, Duration absolute) {
        this.db = db;
        this.clock = clock;
        this.idle = idle;
        this.absolute = absolute;
    }

    public Duration idle() {
        return idle;
    }

    public Duration absolute() {
        return absolute;
    }

    public Opened open(String user, String address) {
        String cookie = Tokens.generate();
        String csrf = Tokens.generate().substring(4);
        Instant now = clock.instant();
        Instant end = now.plus(absolute);
        Sql.update(db, "INSERT INTO user_session (session_hash, user_name, csrf_token, created_at, last_seen_at, expires_at, address) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", Tokens.hash(cookie), user, csrf, now, now, end,
                address == null ? null : address.substring(0, Math.min(255, address.length())));
        return new Opened(cookie, csrf, end);
    }

    /** The live session behind a cookie value; refreshes its idle clock (at most once a minute, or a quarter of the idle time). */
    public Optional<Live> find(String cookie) {
        if (cookie == null || cookie.isEmpty() || cookie.length() > 512) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        record Row(Live live, Instant lastSeen, Instant expires) {
        }
        Optional<Row> row = Sql.select("SELECT s.id, s.csrf_token, s.last_seen_at, s.expires_at, u.name, u.role, u.scopes "
                        + "FROM user_session s JOIN app_user u ON u.name = s.user_name")
                .where("s.session_hash = ?", Tokens.hash(cookie))
                .where("u.disabled = ?", false)
                .list(db, "s.id", 1, rs -> new Row(new Live(new Principal(rs.getString(5), Role.valueOf(rs.getString(6)),
                        split(rs.getString(7))), rs.getString(2), rs.getLong(1)), Sql.instant(rs, 3), Sql.instant(rs, 4)))
                .stream().findFirst();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Row r = row.get();
        if (!now.isBefore(r.expires()) || !now.isBefore(r.lastSeen().plus(idle))) {
            Sql.update(db, "DELETE FROM user_session WHERE id = ?", r.live().id());
            return Optional.empty();
        }
        Duration refresh = idle.dividedBy(4).compareTo(Duration.ofMinutes(1)) < 0 ? idle.dividedBy(4) : Duration.ofMinutes(1);
        if (Duration.between(r.lastSeen(), now).compareTo(refresh) >= 0) {
            Sql.update(db, "UPDATE user_session SET last_seen_at = ? WHERE id = ?", now, r.live().id());
        }
        return Optional.of(r.live());
    }

    /** The CSRF token of a live session. */
    public Optional<String> csrf(long id) {
        return Sql.select("SELECT csrf_token FROM user_session").where("id = ?", id)
                .list(db, "id", 1, rs -> rs.getString(1)).stream().findFirst();
    }

    public void close(long id) {
        Sql.update(db, "DELETE FROM user_session WHERE id = ?", id);
    }

    /** Ends every session of the user but {@code keep} (null: all); returns how many ended. */
    public int revokeAll(String user, Long keep) {
        return keep == null ? Sql.update(db, "DELETE FROM user_session WHERE user_name = ?", user)
                : Sql.update(db, "DELETE FROM user_session WHERE user_name = ? AND id <> ?", user, keep);
    }

    /** Drops sessions past their end; called now and then so the table holds live sessions only. */
    public int prune() {
        Instant now = clock.instant();
        return Sql.update(db, "DELETE FROM user_session WHERE expires_at <= ? OR last_seen_at <= ?", now, now.minus(idle));
    }

    private static Set<String> split(String scopes) {
        return scopes == null || scopes.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(scopes.split(",")));
    }
}
