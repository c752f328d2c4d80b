package vn.loa.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The console's file cache, as anonymous clients asking for made-up paths meet it. */
class StaticFilesTest {
    @Test
    void unknownPathsAreNotRememberedSoAskingForMillionsOfThemCostsNoMemory() {
        StaticFiles files = new StaticFiles();
        for (int i = 0; i < 2_000; i++) {
            assertTrue(files.find("/web/" + UUID.randomUUID() + ".js").isEmpty());
        }
        assertEquals(0, files.cached(), "no entry for a file that is not in the jar");
        assertTrue(files.find("/").isPresent(), "the console itself is served");
        assertTrue(files.find("/").isPresent());
        assertEquals(1, files.cached(), "and kept once");
    }
}
