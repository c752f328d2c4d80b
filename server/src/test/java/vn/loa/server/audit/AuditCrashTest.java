package vn.loa.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.loa.server.ChildServer;
import vn.loa.server.TestConfig;
import vn.loa.server.store.Database;
import vn.loa.server.store.Databases;

/**
 * An acknowledged change keeps its audit row through SIGKILL: the server is a real child process, killed
 * straight after the last of a run of 201s, round after round on the same data.
 */
class AuditCrashTest {
    static final int ROUNDS = 10;
    private static final int USERS_PER_ROUND = 5;

    @TempDir
    Path dir;

    static List<String> kinds() {
        return Databases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyAcknowledgedChangeHasItsAuditRowAfterSigkill(String kind) throws Exception {
        Path config = TestConfig.write(dir, Databases.fresh(kind, dir));
        List<String> acknowledged = new ArrayList<>();
        for (int round = 0; round <= ROUNDS; round++) {
            int started = round;
            ChildServer server = new ChildServer(config, dir.resolve("data"), dir.resolve("round-" + round + ".log"));
            try {
                Map<String, JsonNode> rows = StreamSupport.stream(
                                server.get("/api/audit?action=POST%20/api/users&limit=1000").body().spliterator(), false)
                        .collect(Collectors.toMap(e -> e.get("detail").asText(), e -> e, (a, b) -> a));
                for (String user : acknowledged) {
                    JsonNode row = rows.entrySet().stream().filter(e -> e.getKey().contains("\"" + user + "\""))
                            .map(Map.Entry::getValue).findFirst()
                            .orElseThrow(() -> new AssertionError("start " + started + ": the audit lost " + user + ": " + rows.keySet()));
                    assertEquals(201, row.get("status").asInt(), row.toString());
                    assertEquals(AuditEntry.DONE, row.get("outcome").asText(), row.toString());
                }
                if (round == ROUNDS) {
                    break;
                }
                for (int i = 0; i < USERS_PER_ROUND; i++) {
                    String user = "can-bo-" + round + "-" + i;
                    ChildServer.Reply created = server.post("/api/users",
                            "{\"name\":\"" + user + "\",\"role\":\"operator\",\"scopes\":[\"commune-a\"]}");
                    assertEquals(201, created.status(), created.toString());
                    acknowledged.add(user);
                }
                assertEquals(137, server.kill(), "killed by SIGKILL straight after the last 201");
            } finally {
                server.close();
            }
        }
        assertEquals(ROUNDS * USERS_PER_ROUND, acknowledged.size());
    }

    @Test
    void aRowACrashLeftPendingReadsUnknownAtTheNextStart() throws Exception {
        try (Database db = new Database(Database.h2Url(dir), "", "", 2)) {
            AuditLog before = new AuditLog(db.dataSource());
            before.begin(new AuditEntry(Instant.now(), "admin", "127.0.0.1:1", "POST /api/users", null, 0, "{\"name\":\"x\"}"));
            // No complete(): the process died between the row and its outcome.
            AuditLog after = new AuditLog(db.dataSource());
            AuditEntry row = after.query(null, "POST /api/users", null, null, 10).get(0);
            assertEquals(AuditEntry.UNKNOWN, row.outcome());
            assertEquals("{\"name\":\"x\"}", row.detail(), "what was asked is kept");
            before.close();
            after.close();
        }
    }
}
