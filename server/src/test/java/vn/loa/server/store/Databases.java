package vn.loa.server.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The databases persistence tests run against: always H2; PostgreSQL too when LOA_TEST_POSTGRES_URL
 * names one (./test starts the packaged server and sets it). Each PostgreSQL use gets a schema of its own.
 */
public final class Databases {
    public static final String POSTGRES_ENV = "LOA_TEST_POSTGRES_URL";

    private Databases() {
    }

    public static List<String> kinds() {
        List<String> kinds = new ArrayList<>(List.of("h2"));
        if (System.getenv(POSTGRES_ENV) != null) {
            kinds.add("postgresql");
        } else if (System.getenv("CI") != null || System.getenv("LOA_TEST_REQUIRE_POSTGRES") != null) {
            // ./test and CI promise both databases: a PostgreSQL half that silently did not run is a failure.
            throw new IllegalStateException("PostgreSQL must be tested too: " + POSTGRES_ENV + " is not set (./test sets it)");
        }
        return kinds;
    }

    /** A JDBC URL for a fresh, empty database of that kind. */
    public static String fresh(String kind, Path dir) throws SQLException {
        if (kind.equals("h2")) {
            return Database.h2Url(dir.resolve("db-" + UUID.randomUUID()));
        }
        String base = System.getenv(POSTGRES_ENV);
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(base); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
