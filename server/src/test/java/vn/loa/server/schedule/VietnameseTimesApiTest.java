package vn.loa.server.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.TestServer;

/** A script or the console sends times as people write them; the API reads them or answers a precise 400. */
class VietnameseTimesApiTest {
    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void timesWrittenTheVietnameseWayAreAcceptedAndShownAsIso() {
        TestServer.Reply made = post("""
                {"title":"Tin sáng","broadcast":{"media":["bulletin.mp3"],"targets":{"areas":["commune-a"]}},
                 "recurrence":{"type":"weekly","days":["MONDAY"],"times":["5h30","17g","7 giờ 45"]}}""");
        assertEquals(201, made.status(), made.toString());
        assertEquals("[\"05:30:00\",\"17:00:00\",\"07:45:00\"]", made.body().at("/recurrence/times").toString());
        TestServer.Reply once = post("""
                {"title":"Họp dân","broadcast":{"media":["bulletin.mp3"],"targets":{"areas":["commune-b"]}},
                 "recurrence":{"type":"once","at":"9h15 ngày 23/11/2030"}}""");
        assertEquals(201, once.status(), once.toString());
        assertEquals("2030-11-23T09:15:00", once.body().at("/recurrence/at").asText());
    }

    @Test
    void aBadTimeIsA400WithItsCodeAndNoParserMessage() {
        TestServer.Reply bad = post("""
                {"broadcast":{"media":["bulletin.mp3"],"targets":{"areas":["commune-a"]}},
                 "recurrence":{"type":"daily","times":["7h30","25h"]}}""");
        assertEquals(400, bad.status(), bad.toString());
        assertEquals("invalid_time", bad.body().get("code").asText());
        String error = bad.body().get("error").asText();
        assertTrue(error.contains("recurrence.times: \"25h\" has hour 25"), error);
        assertFalse(error.contains("Text '") || error.contains("java."), error);
        TestServer.Reply date = post("""
                {"broadcast":{"media":["bulletin.mp3"],"targets":{"areas":["commune-a"]}},
                 "recurrence":{"type":"once","at":"31/02/2030 7h"}}""");
        assertEquals(400, date.status(), date.toString());
        assertEquals("invalid_date_time", date.body().get("code").asText());
        assertEquals(0, server.get("/api/schedules").body().size(), "nothing was made");
    }

    private TestServer.Reply post(String json) {
        return server.post("/api/schedules", "application/json", json);
    }
}
