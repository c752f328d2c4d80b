package vn.loa.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.ApiClient;
import vn.loa.server.TestServer;

/** POST /api/media: accepted files join the library; refused ones say why and leave nothing behind. */
class MediaUploadTest {
    @TempDir
    Path dir;
    TestServer server;
    ApiClient operator;
    Path media;
    byte[] bulletin;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dir);
        operator = server.as(server.user("can-bo-xa", "operator", "commune-a"));
        media = dir.resolve("media");
        bulletin = Files.readAllBytes(media.resolve("bulletin.mp3"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRawOrMultipartMp3JoinsTheLibraryAndCanAir() throws Exception {
        TestServer.Reply raw = operator.post("/api/media?name=b%E1%BA%A3n-tin-m%E1%BB%9Bi.mp3", "audio/mpeg", bulletin);
        assertEquals(201, raw.status(), raw.toString());
        assertTrue(raw.body().get("accepted").asBoolean());
        assertEquals(3001, raw.body().get("durationMs").asLong(), 30);
        assertTrue(Files.exists(media.resolve("bản-tin-mới.mp3")));

        TestServer.Reply form = operator.send(operator.builder("/api/media")
                .header("Content-Type", "multipart/form-data; boundary=XyZ")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(multipart("tiếng-Mông.mp3", bulletin))));
        assertEquals(201, form.status(), form.toString());
        assertEquals("tiếng-Mông.mp3", form.body().get("path").asText());
        assertTrue(server.get("/api/media").body().toString().contains("tiếng-Mông.mp3"));
        assertEquals(201, operator.post("/api/broadcasts", "application/json",
                "{\"media\":[\"tiếng-Mông.mp3\"],\"targets\":{\"areas\":[\"commune-a\"]}}").status());

        assertEquals(409, operator.post("/api/media?name=ti%E1%BA%BFng-M%C3%B4ng.mp3",
                "audio/mpeg", bulletin).status(), "an existing name is not overwritten by accident");
        TestServer.Reply replaced = operator.post("/api/media?name=ti%E1%BA%BFng-M%C3%B4ng.mp3&replace=true",
                "audio/mpeg", Files.readAllBytes(media.resolve("tone.mp3")));
        assertEquals(201, replaced.status(), replaced.toString());
        assertEquals(496, replaced.body().get("durationMs").asLong(), 30, "the library now holds the new content");
        assertEquals(403, operator.post("/api/media?name=bulletin.mp3&replace=true", "audio/mpeg", bulletin).status(),
                "a file shipped in the media folder belongs to the root: read-only for operators");
        assertEquals(201, server.as(TestServer.ADMIN_TOKEN).post("/api/media?name=bulletin.mp3&replace=true", "audio/mpeg",
                bulletin).status(), "an admin may replace it");
    }

    @Test
    void refusedUploadsSayWhyAndLeaveNothingBehind() throws Exception {
        List<String> before = files();
        refused(400, operator.post("/api/media?name=hong.mp3", "audio/mpeg", Files.readAllBytes(media.resolve("broken.mp3"))),
                "hong.mp3 was refused: truncated");
        byte[] flac = new byte[4096];
        System.arraycopy("fLaC".getBytes(StandardCharsets.US_ASCII), 0, flac, 0, 4);
        refused(400, operator.post("/api/media?name=nhac.mp3", "audio/mpeg", flac), "FLAC");
        refused(400, operator.post("/api/media?name=..%2Fthoat.mp3", "audio/mpeg", bulletin), "file name");
        refused(400, operator.post("/api/media?name=ghi-chu.txt", "audio/mpeg", bulletin), "file name");
        refused(400, operator.post("/api/media", "audio/mpeg", bulletin), "file name");
        refused(400, operator.post("/api/media?name=rong.mp3", "audio/mpeg", new byte[0]), "empty");
        refused(415, operator.post("/api/media?name=x.mp3", "text/plain", "hello"), "audio/mpeg");
        refused(413, operator.post("/api/media?name=lon.mp3", "audio/mpeg", new byte[1_200_000]), "limit of 1048576");
        refused(400, operator.send(operator.builder("/api/media").header("Content-Type", "multipart/form-data; boundary=XyZ")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("--XyZ\r\ngarbage"))), "multipart");
        refused(403, server.as(server.user("ky-thuat", "technician", "commune-a")).post("/api/media?name=k.mp3",
                "audio/mpeg", bulletin), "technician");
        assertEquals(before, files(), "no file, temporary or final, was left by a refused upload");
        assertFalse(server.get("/api/media").body().toString().contains("hong.mp3"));
    }

    private static void refused(int status, TestServer.Reply reply, String reason) {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(reply.body().get("error").asText().contains(reason), reply.toString());
    }

    private List<String> files() throws Exception {
        try (Stream<Path> all = Files.list(media)) {
            return all.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] multipart(String name, byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: audio/mpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write("\r\n--XyZ--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
