package vn.loa.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaLibraryTest {

    @Test
    void vietnameseTitlesSurviveId3v23Utf16AndId3v24Utf8(@TempDir Path dir) throws Exception {
        copyResource("tag-v24-utf8.mp3", dir);
        copyResource("tag-v23-utf16.mp3", dir);
        MediaLibrary library = new MediaLibrary(dir);
        library.rescan();
        MediaEntry v24 = library.entry("tag-v24-utf8.mp3").orElseThrow();
        assertEquals("Bản tin thời tiết – Trà Leng", v24.title());
        assertEquals("Đài truyền thanh xã Trà Leng", v24.artist());
        MediaEntry v23 = library.entry("tag-v23-utf16.mp3").orElseThrow();
        assertEquals("Thông báo của Ủy ban – Trà Don", v23.title());
        assertEquals("Xã Trà Don", v23.artist());
    }

    @Test
    void theSampleLibraryIsWhollyAccepted() {
        MediaLibrary library = new MediaLibrary(Path.of("../playlists"));
        library.rescan();
        assertEquals(4, library.entries().size());
        assertTrue(library.entries().stream().allMatch(MediaEntry::accepted));
        Playlist morning = library.playlist("chuong-trinh-sang.m3u8").orElseThrow();
        assertTrue(morning.playable(), morning.problems().toString());
        assertEquals(List.of("ban-tin-sang.mp3", "tiem-chung.mp3"), morning.items().stream().map(Playlist.Item::path).toList());
        assertEquals("Đài truyền thanh xã Trà Mai - Bản tin buổi sáng – xã Trà Mai", morning.items().get(0).title());
        assertEquals(11L, morning.items().get(0).declaredSeconds());
    }

    @Test
    void playlistEntriesThatCannotPlayAreListedAsProblems(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("tin"));
        copyResource("tag-v24-utf8.mp3", dir.resolve("tin"));
        Files.write(dir.resolve("tin/broken.mp3"), new byte[] {1, 2, 3});
        Files.writeString(dir.resolve("tin/list.m3u8"), """
                #EXTM3U
                #EXTINF:2,Chuông
                tag-v24-utf8.mp3
                missing.mp3
                broken.mp3
                ../../etc/passwd
                http://example.invalid/stream.mp3
                """);
        MediaLibrary library = new MediaLibrary(dir);
        library.rescan();
        Playlist list = library.playlist("tin/list.m3u8").orElseThrow();
        assertEquals(1, list.items().size());
        assertEquals("tin/tag-v24-utf8.mp3", list.items().get(0).path());
        assertEquals("Chuông", list.items().get(0).title());
        assertEquals(4, list.problems().size(), list.problems().toString());
        String problems = String.join("\n", list.problems());
        assertTrue(problems.contains("missing.mp3 does not exist"), problems);
        assertTrue(problems.contains("broken.mp3 was rejected"), problems);
        assertTrue(problems.contains("../../etc/passwd lies outside the media folder"), problems);
        assertTrue(problems.contains("remote stream http://example.invalid/stream.mp3 is not supported"), problems);
        assertFalse(list.playable());
    }

    @Test
    void legacyM3uInWindows1252IsRead(@TempDir Path dir) throws Exception {
        copyResource("tag-v23-utf16.mp3", dir);
        Files.write(dir.resolve("old.m3u"), "#EXTINF:2,Caf\u00e9 Ch\u00e2u\r\ntag-v23-utf16.mp3\r\n"
                .getBytes(Charset.forName("windows-1252")));
        MediaLibrary library = new MediaLibrary(dir);
        library.rescan();
        assertEquals("Café Châu", library.playlist("old.m3u").orElseThrow().items().get(0).title());
    }

    @Test
    void loadRefusesWhatTheScanRejectedOrNeverSaw(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("bad.mp3"), new byte[] {0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0x7F, 0x7F});
        MediaLibrary library = new MediaLibrary(dir);
        library.rescan();
        assertTrue(assertThrows(MediaRejected.class, () -> library.load("bad.mp3")).getMessage().contains("rejected"));
        assertTrue(assertThrows(MediaRejected.class, () -> library.load("nope.mp3")).getMessage().contains("not in the media library"));
    }

    private static void copyResource(String name, Path dir) throws Exception {
        try (var in = MediaLibraryTest.class.getResourceAsStream("/media/" + name)) {
            Files.copy(in, dir.resolve(name));
        }
    }
}
