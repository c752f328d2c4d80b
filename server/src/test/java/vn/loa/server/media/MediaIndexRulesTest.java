package vn.loa.server.media;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.store.Database;

/** An upgrade with stricter MP3 rules does not keep trusting what the old rules let in. */
class MediaIndexRulesTest {

    @Test
    void aForgedFileTheOldRulesAcceptedIsJudgedAgainAfterAnUpgrade(@TempDir Path dir) throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        Path forged = media.resolve("ban-tin-gia.mp3");
        Files.write(forged, Mp3PayloadTest.headersOverNoise(2_000, new Random(7)));
        try (Database db = new Database(Database.h2Url(dir.resolve("db")), "", "", 2)) {
            MediaIndex index = new MediaIndex(db.dataSource());
            // What the index held after the old header walk accepted the file, for its size and mtime.
            MediaEntry oldVerdict = new MediaEntry("ban-tin-gia.mp3", true, null, Files.size(forged), 52_000L, "MPEG-1",
                    44_100, 1, 64_000L, false, null, null, List.of());
            index.update(List.of(new MediaIndex.Indexed(Files.size(forged), Files.getLastModifiedTime(forged).toMillis(),
                    oldVerdict)), List.of(), Instant.now());
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE media_file SET rules_version = 1");
            }

            MediaLibrary library = new MediaLibrary(media, index);
            library.rescan();

            MediaEntry now = library.entry("ban-tin-gia.mp3").orElseThrow();
            assertFalse(now.accepted(), "the old verdict was trusted: " + now);
            assertTrue(now.reason().startsWith("not audio"), now.reason());
            MediaLibrary again = new MediaLibrary(media, index);
            again.rescan();
            assertFalse(again.entry("ban-tin-gia.mp3").orElseThrow().accepted(), "the new verdict is the one kept");
        }
    }
}
