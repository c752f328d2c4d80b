package vn.loa.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.ChildServer;
import vn.loa.server.TestConfig;

/**
 * A server started in a plain POSIX locale (a fresh container with no LANG) cannot store Vietnamese
 * file names. It says so at start, and a playlist named in Vietnamese is refused with the reason and
 * the cure, not a 500 from deep inside the file system.
 */
class PosixLocaleTest {
    @TempDir
    Path dir;

    @Test
    void aVietnameseNameUnderAnAsciiLocaleIsAPrecise400AndTheLogSaysWhy() throws Exception {
        Path config = TestConfig.write(dir, null);
        try (ChildServer server = new ChildServer(config, dir.resolve("data"), dir.resolve("server.log"),
                Map.of("LANG", "C", "LC_ALL", "POSIX"))) {
            ChildServer.Reply reply = server.post("/api/playlists", """
                    {"name":"tin-sáng.m3u8","title":"Tin sáng","items":[{"path":"tone.mp3"}]}""");
            assertEquals(400, reply.status(), reply.toString());
            assertTrue(reply.body().get("error").asText().contains("UTF-8 locale"), reply.toString());
            assertTrue(server.log().contains("start Loa with a UTF-8 locale"), "the start warns the operator");
        }
    }
}
