package vn.loa.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real-world corpus in ../shared/corpus/mp3, each file copied under a .mp3 name as an operator might
 * upload it, so the content and not the extension decides. Expected durations are complete Layer III
 * audio frames (VBR header frame and a cut-off last frame excluded) times samples per frame: what
 * receivers are sent and what airs. ffmpeg's frame count agrees wherever it does not trim the
 * encoder delay for gapless playback or count a partial last frame.
 */
class CorpusTest {
    static final Path CORPUS = Path.of("../../shared/corpus/mp3");

    private static final Map<String, Long> ACCEPTED_MILLIS = new TreeMap<>(Map.ofEntries(
            Map.entry("97-unknown-23-update.mp3", 3735L),
            Map.entry("audacious-trailing-id32-apev2.mp3", 1080L),
            Map.entry("audacious-trailing-id32-id31.mp3", 3735L),
            Map.entry("bad-TYER-frame.mp3", 940L),
            Map.entry("bad-xing.mp3", 104L),
            Map.entry("id3v1v2-combined.mp3", 130L),
            Map.entry("id3v22-test.mp3", 130L),
            Map.entry("lame-peak.mp3", 104L),
            Map.entry("lame.mp3", 104L),
            Map.entry("lame397v9short.mp3", 72L),
            Map.entry("no-tags.mp3", 104L),
            Map.entry("silence-44-s-mpeg2.mp3", 3768L),
            Map.entry("silence-44-s-mpeg25.mp3", 3840L),
            Map.entry("silence-44-s-v1.mp3", 3735L),
            Map.entry("silence-44-s.mp3", 3735L),
            Map.entry("xing.mp3", 2037L)));

    private static final Map<String, String> REJECTED_BECAUSE = new TreeMap<>(Map.ofEntries(
            Map.entry("8k-1ch-1s-silence.aif", "not MP3: this is an AIFF file"),
            Map.entry("adif.aac", "not MP3: this is AAC audio (ADIF)"),
            Map.entry("apev2-lyricsv2.mp3", "truncated: its Info header announces 8076 frames (210.96 s) but the file holds 75"),
            Map.entry("bad-POPM-frame.mp3", "truncated: its Xing header announces 7230 frames"),
            Map.entry("empty.aac", "not MP3: this is AAC audio (ADTS)"),
            Map.entry("empty.ogg", "not MP3: this is an Ogg file"),
            Map.entry("emptyfile.mp3", "empty file"),
            Map.entry("image.jpg", "not MP3: this is a JPEG image"),
            Map.entry("no-tags.flac", "not MP3: this is a FLAC file"),
            Map.entry("no-tags.m4a", "not MP3: this is an MP4/M4A file"),
            Map.entry("sample.mid", "not MP3: this is a MIDI file"),
            Map.entry("silence-1.wma", "not MP3: this is a Windows Media (ASF/WMA) file"),
            Map.entry("too-short.mp3", "too short: 1 frame(s), 26 ms"),
            Map.entry("vbri.mp3", "truncated: its VBRI header announces 8506 frames (222.20 s) but the file holds 16")));

    @Test
    void everyCorpusFileIsAcceptedWithItsDurationOrRejectedWithItsReason(@TempDir Path library) throws Exception {
        assertTrue(Files.isDirectory(CORPUS), "the shared corpus must lie beside the project: " + CORPUS.toAbsolutePath());
        try (var files = Files.list(CORPUS)) {
            for (Path f : files.toList()) {
                Files.copy(f, library.resolve(asMp3(f.getFileName().toString())));
            }
        }
        MediaLibrary media = new MediaLibrary(library);
        media.rescan();
        assertEquals(ACCEPTED_MILLIS.size() + REJECTED_BECAUSE.size(), media.entries().size(), "every file is judged");
        ACCEPTED_MILLIS.forEach((name, millis) -> {
            MediaEntry e = media.entry(asMp3(name)).orElseThrow();
            assertTrue(e.accepted(), name + " was rejected: " + e.reason());
            assertEquals(millis, e.durationMs(), millis * 0.01, name);
        });
        REJECTED_BECAUSE.forEach((name, reason) -> {
            MediaEntry e = media.entry(asMp3(name)).orElseThrow();
            assertFalse(e.accepted(), name + " was accepted");
            assertTrue(e.reason().startsWith(reason), name + ": " + e.reason());
        });
    }

    @Test
    void vbrAndMpegVersionsAreRecognised() throws Exception {
        Mp3Audio mpeg25 = Mp3Parser.parse(Files.readAllBytes(CORPUS.resolve("silence-44-s-mpeg25.mp3")));
        assertEquals("MPEG-2.5", mpeg25.mpegVersion());
        assertEquals(12_000, mpeg25.sampleRate());
        assertTrue(mpeg25.vbr());
        Mp3Audio cbr = Mp3Parser.parse(Files.readAllBytes(CORPUS.resolve("silence-44-s.mp3")));
        assertEquals("MPEG-1", cbr.mpegVersion());
        assertFalse(cbr.vbr());
        assertEquals(32_000, cbr.averageBitrate());
        assertEquals(2, cbr.channels());
    }

    private static String asMp3(String name) {
        return name.endsWith(".mp3") ? name : name + ".mp3";
    }
}
