package vn.loa.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.TestClips;

class ParsedAudioCacheTest {
    @TempDir
    Path dir;

    @Test
    void anUnchangedFileIsParsedOnceAndAChangedOneAgain() throws Exception {
        TestClips.write(dir);
        Path bulletin = dir.resolve("bulletin.mp3");
        ParsedAudioCache cache = new ParsedAudioCache(1 << 20);
        Mp3Audio first = cache.load(bulletin);
        assertSame(first, cache.load(bulletin));

        Files.setLastModifiedTime(bulletin, FileTime.from(Instant.now().plusSeconds(60)));
        Mp3Audio touched = cache.load(bulletin);
        assertNotSame(first, touched, "a new modification time means the file is read again");

        Files.copy(dir.resolve("alert.mp3"), bulletin, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(TestClips.ALERT_FRAMES, cache.load(bulletin).frameCount(), "replaced content is what plays");

        Files.write(bulletin, new byte[] {1, 2, 3});
        assertThrows(MediaRejected.class, () -> cache.load(bulletin), "a file broken since is refused, not served from memory");
    }

    @Test
    void leastRecentlyUsedFilesGoWhenTheBoundIsReached() throws Exception {
        TestClips.write(dir);
        Path bulletin = dir.resolve("bulletin.mp3");
        Path alert = dir.resolve("alert.mp3");
        Path tone = dir.resolve("tone.mp3");
        long bulletinBytes = new ParsedAudioCache(1 << 20).load(bulletin).audio().length;
        long alertBytes = new ParsedAudioCache(1 << 20).load(alert).audio().length;
        ParsedAudioCache cache = new ParsedAudioCache(bulletinBytes + alertBytes);
        Mp3Audio b = cache.load(bulletin);
        Mp3Audio a = cache.load(alert);
        assertSame(b, cache.load(bulletin));
        cache.load(tone);
        assertSame(b, cache.load(bulletin), "used most recently, kept");
        assertNotSame(a, cache.load(alert), "least recently used, evicted and read again");
    }
}
