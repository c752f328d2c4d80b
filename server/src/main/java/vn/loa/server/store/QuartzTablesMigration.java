package vn.loa.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Version 2: Quartz's JDBC job store tables, from the DDL script Quartz ships for the database found,
 * so the schema always matches the Quartz version on the classpath. The scripts' DROP and COMMIT
 * statements are left out: Flyway runs this once, inside its own transaction.
 */
public final class QuartzTablesMigration implements JavaMigration {
    private static final String SCRIPTS = "org/quartz/impl/jdbcjobstore/";

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        String product = c.getMetaData().getDatabaseProductName().toLowerCase();
        String script = product.contains("postgres") ? "tables_postgres.sql" : product.contains("h2") ? "tables_h2.sql" : null;
        if (script == null) {
            throw new IllegalStateException("no Quartz tables script for database " + product);
        }
        try (Statement st = c.createStatement()) {
            for (String statement : read(script).split(";")) {
                String sql = statement.strip();
                String head = sql.toUpperCase();
                if (!sql.isEmpty() && !head.startsWith("DROP") && !head.startsWith("COMMIT")) {
                    st.execute(sql);
                }
            }
        }
    }

    private static String read(String script) throws IOException {
        try (InputStream in = QuartzTablesMigration.class.getClassLoader().getResourceAsStream(SCRIPTS + script)) {
            if (in == null) {
                throw new IOException("Quartz script " + script + " missing from the classpath");
            }
            StringBuilder sql = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.strip().startsWith("--")) {
                    sql.append(line).append('\n');
                }
            }
            return sql.toString();
        }
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "Quartz job store tables";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
