package vn.loa.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    /**
     * Libraries interrupt their own threads (Quartz's misfire scanner is interrupted at shutdown, while it
     * may be reading the store). A plain FileChannel closes for every thread when one is interrupted, and
     * the embedded store with it: the writers' last flush then fails and the next open in this JVM too.
     */
    @Test
    void aThreadInterruptedInTheMiddleOfAWriteLeavesTheEmbeddedStoreWorking() throws Exception {
        String url = Database.h2Url(dir);
        try (Database db = new Database(url, "sa", "", 4)) {
            execute(db, "CREATE TABLE note (id INT PRIMARY KEY)");
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                Thread.currentThread().interrupt();
                st.execute("INSERT INTO note VALUES (1)");
            } catch (SQLException possibly) {
                // Whether the interrupted statement itself succeeds does not matter; the store must survive it.
            } finally {
                Thread.interrupted();
            }
            execute(db, "INSERT INTO note VALUES (2)");
            assertTrue(count(db) >= 1);
        }
        try (Database reopened = new Database(url, "sa", "", 4)) {
            assertTrue(count(reopened) >= 1);
            execute(reopened, "INSERT INTO note VALUES (3)");
        }
    }

    @Test
    void aCauseWithoutAMessageIsStillNamed() {
        IOException wrapped = new IOException("Reading from the store failed", new ClosedByInterruptException());
        assertEquals("java.nio.channels.ClosedByInterruptException (Reading from the store failed)",
                Database.rootMessage(new RuntimeException("pool", wrapped)));
        assertEquals("disk full", Database.rootMessage(new RuntimeException("pool", new IOException("disk full"))));
    }

    @Test
    void passwordsAreRedacted() {
        assertEquals("jdbc:postgresql://db/loa?user=loa&password=***&ssl=true",
                Database.redact("jdbc:postgresql://db/loa?user=loa&password=secret&ssl=true"));
    }

    private static void execute(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static int count(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM note")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
