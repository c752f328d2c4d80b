package vn.loa.server.media.convert;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.ApiClient;
import vn.loa.server.TestServer;
import vn.loa.server.media.GlobalGain;
import vn.loa.server.media.Mp3Audio;
import vn.loa.server.media.Mp3Parser;

/**
 * Issue 16: whatever a phone records becomes a station MP3 at one loudness. Every sound here is made
 * and measured by the real ffmpeg and sent over HTTP as a commune operator would send it.
 */
class AudioConversionTest {
    private static final double TARGET = -16.0;
    @TempDir
    Path dir;
    @TempDir
    Path made;
    TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private ApiClient operator(String extraYaml) throws Exception {
        server = TestServer.withServerYaml(dir, yaml -> yaml.replace("maxUploadBytes: 1048576",
                "maxUploadBytes: 16777216") + extraYaml);
        return server.as(server.user("can-bo-xa", "operator", "commune-a"));
    }

    private Path media() {
        return dir.resolve("media");
    }

    @Test
    void everyFormatAPhoneRecordsBecomesAStationMp3AtTheTargetLoudness() throws Exception {
        ApiClient operator = operator("");
        List<Recording> recordings = List.of(
                new Recording("ghi-am.m4a", "sine=frequency=440", "-20dB", "-c:a", "aac", "-b:a", "96k"),
                new Recording("dien-thoai.3gp", "sine=frequency=330", "-6dB", "-ac", "1", "-ar", "16000", "-c:a", "aac",
                        "-b:a", "32k", "-f", "3gp"),
                new Recording("may-ghi.wav", "anoisesrc=color=pink:amplitude=0.2", "0dB", "-c:a", "pcm_s16le"),
                new Recording("ban-goc.flac", "sine=frequency=550", "-3dB", "-ar", "48000", "-c:a", "flac"),
                new Recording("zalo.ogg", "sine=frequency=660", "-12dB", "-c:a", "libvorbis"),
                new Recording("tin-nhan.opus", "anoisesrc=color=pink:amplitude=0.05", "0dB", "-c:a", "libopus",
                        "-b:a", "24k"),
                new Recording("van-phong.wma", "sine=frequency=440", "-9dB", "-c:a", "wmav2"),
                new Recording("dai-cu.mp3", "sine=frequency=440", "-4dB", "-ac", "2", "-ar", "22050", "-c:a",
                        "libmp3lame", "-b:a", "128k"));
        for (Recording r : recordings) {
            Path input = Sound.make(made.resolve(r.name()), r.source(), 3, r.gain(), r.options());
            converted(operator, r.name(), Files.readAllBytes(input), 3000);
        }
        converted(operator, "cuoc-goi.amr", amrNarrowband(150), 3000);
        String listed = server.get("/api/media").body().toString();
        assertFalse(listed.contains(".originals") || listed.contains(".work"), "originals are no library items: " + listed);
        assertTrue(listed.contains("\"integratedLufs\""), "the list shows each item's loudness");
    }

    /** Uploads one recording and checks the library entry and the stored file, as a receiver would get it. */
    private void converted(ApiClient operator, String name, byte[] bytes, long durationMs) throws Exception {
        TestServer.Reply reply = operator.post("/api/media?name=" + name, "application/octet-stream", bytes);
        assertEquals(201, reply.status(), name + ": " + reply);
        String mp3 = name.substring(0, name.lastIndexOf('.')) + ".mp3";
        assertEquals(mp3, reply.body().get("path").asText());
        assertEquals(durationMs, reply.body().get("durationMs").asLong(), 200, name + " keeps its length");
        JsonNode loudness = reply.body().get("loudness");
        assertTrue(loudness.get("normalised").asBoolean(), name + ": " + loudness);
        assertEquals(TARGET, loudness.get("integratedLufs").asDouble(), 1.0, name + ": " + loudness);
        assertTrue(loudness.get("truePeakDbtp").asDouble() <= -1.0, name + " keeps its peaks down: " + loudness);

        Path stored = media().resolve(mp3);
        assertEquals("", Sound.decodeErrors(stored), name + " decodes cleanly");
        Mp3Audio audio = Mp3Parser.parse(Files.readAllBytes(stored));
        assertEquals(44_100, audio.sampleRate(), name);
        assertEquals(1, audio.channels(), name);
        assertEquals(64_000, audio.averageBitrate(), name);
        assertFalse(audio.vbr(), name + " is constant bit rate");
        assertEquals(TARGET, Sound.lufs(stored), 1.0, name + " as stored, measured by ffmpeg");
        assertArrayEquals(bytes, Files.readAllBytes(media().resolve(".originals").resolve(name)),
                name + ": the upload is kept as it came");
    }

    @Test
    void quietLoudAndPeakySpeechEndWithinOneLoudnessUnitOfTheTarget() throws Exception {
        ApiClient operator = operator("");
        Path quiet = Sound.make(made.resolve("thi-tham.wav"), "anoisesrc=color=pink:amplitude=0.095", 4, "0dB");
        Path loud = Sound.make(made.resolve("hop-xom.wav"), "sine=frequency=440", 4, "13.7dB");
        assertEquals(-35, Sound.lufs(quiet), 2, "the quiet input is about -35 LUFS");
        assertEquals(-8, Sound.lufs(loud), 2, "the loud input is about -8 LUFS");
        Path speech = Files.copy(media().resolve("bulletin.mp3"), made.resolve("ban-tin-22khz.mp3"));
        assertTrue(Sound.lufs(speech) < -17, "speech whose peaks reach full scale: only a limiter lets it reach -16");
        for (Path input : List.of(quiet, loud, speech)) {
            String name = input.getFileName().toString();
            TestServer.Reply reply = operator.post("/api/media?name=" + name, "application/octet-stream",
                    Files.readAllBytes(input));
            assertEquals(201, reply.status(), reply.toString());
            assertEquals(TARGET, Sound.lufs(media().resolve(reply.body().get("path").asText())), 1.0, name);
        }
    }

    @Test
    void anMp3InStationFormatIsOnlyRegainedNeverReencoded() throws Exception {
        ApiClient operator = operator("");
        Path input = Sound.make(made.resolve("tin-sang.mp3"), "sine=frequency=440", 4, "-10dB", "-ac", "1", "-ar",
                "44100", "-c:a", "libmp3lame", "-b:a", "64k");
        byte[] original = Files.readAllBytes(input);
        assertTrue(Sound.lufs(input) < -25, "a quiet station-format file");

        TestServer.Reply reply = operator.post("/api/media?name=tin-sang.mp3", "audio/mpeg", original);
        assertEquals(201, reply.status(), reply.toString());
        double gainDb = reply.body().get("loudness").get("gainDb").asDouble();
        int steps = (int) Math.round(gainDb / GlobalGain.DB_PER_STEP);
        assertTrue(steps > 0, "a quiet file is made louder: " + reply);
        assertEquals(steps * GlobalGain.DB_PER_STEP, gainDb, 1e-9, "in whole global_gain steps");
        byte[] stored = Files.readAllBytes(media().resolve("tin-sang.mp3"));
        assertNotEquals(java.util.Arrays.hashCode(original), java.util.Arrays.hashCode(stored));
        assertArrayEquals(GlobalGain.apply(original, steps), stored, "the same frames, only global_gain changed");
        Mp3Audio before = Mp3Parser.parse(original);
        Mp3Audio after = Mp3Parser.parse(stored);
        assertArrayEquals(before.frameStarts(), after.frameStarts(), "every frame where it was, of the same size");
        int differing = 0;
        for (int i = 0; i < before.audio().length; i++) {
            differing += before.audio()[i] != after.audio()[i] ? 1 : 0;
        }
        assertTrue(differing <= before.frameCount() * 2 * 2, "at most two bytes per granule differ: " + differing);
        assertEquals(TARGET, Sound.lufs(media().resolve("tin-sang.mp3")), 1.0, "and it lands within 1 LU");
        assertEquals("", Sound.decodeErrors(media().resolve("tin-sang.mp3")));
        assertArrayEquals(original, Files.readAllBytes(media().resolve(".originals/tin-sang.mp3")));
    }

    @Test
    void garbageNamedM4aIsRefusedWithFfmpegsReasonAndLeavesNothing() throws Exception {
        ApiClient operator = operator("");
        List<String> before = files();
        byte[] garbage = new byte[5000];
        new SecureRandom().nextBytes(garbage);
        TestServer.Reply reply = operator.post("/api/media?name=hong.m4a", "audio/mp4", garbage);
        assertEquals(422, reply.status(), reply.toString());
        assertEquals("audio_undecodable", reply.body().get("code").asText());
        // What ffmpeg says depends on what the random bytes look like to its probes; that it says something,
        // and nothing of the server's work files, is the promise.
        String reason = reply.body().get("params").get("reason").asText();
        assertFalse(reason.isBlank(), "ffmpeg's reason: " + reply);
        assertTrue(reply.body().get("error").asText().contains(reason), "the sentence carries ffmpeg's reason: " + reply);
        assertFalse(reason.contains("conversions"), "no work-file path: " + reply);
        assertEquals("hong.m4a", reply.body().get("params").get("file").asText());
        assertEquals(before, files(), "nothing is kept of a refused upload");
    }

    @Test
    void withoutFfmpegMp3IsStillTakenAndOtherFormatsAreRefused() throws Exception {
        ApiClient operator = operator("media:\n  ffmpeg: " + dir.resolve("no-such-ffmpeg") + "\n");
        JsonNode status = operator.get("/api/media/conversion").body();
        assertFalse(status.get("ffmpeg").asBoolean(), status.toString());
        assertTrue(status.get("reason").asText().contains("ffmpeg was not found"), status.toString());

        byte[] bulletin = Files.readAllBytes(media().resolve("bulletin.mp3"));
        assertEquals(201, operator.post("/api/media?name=moi.mp3", "audio/mpeg", bulletin).status());
        Path m4a = Sound.make(made.resolve("ghi-am.m4a"), "sine=frequency=440", 1, "0dB", "-c:a", "aac");
        TestServer.Reply refused = operator.post("/api/media?name=ghi-am.m4a", "audio/mp4", Files.readAllBytes(m4a));
        assertEquals(415, refused.status(), refused.toString());
        assertEquals("ffmpeg_missing", refused.body().get("code").asText());
        assertFalse(Files.exists(media().resolve("ghi-am.mp3")));
    }

    @Test
    void theServerAnswersOthersWhileALongConversionRunsAndTellsItsProgress() throws Exception {
        ApiClient operator = operator("");
        Path longRecording = Sound.make(made.resolve("hoi-nghi.opus"), "anoisesrc=color=pink:amplitude=0.1", 120,
                "0dB", "-ac", "1", "-c:a", "libopus", "-b:a", "16k");
        HttpClient http = HttpClient.newHttpClient();
        Queue<String> events = new ConcurrentLinkedQueue<>();
        http.sendAsync(operator.builder("/api/events").GET().build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().forEach(events::add));
        CompletableFuture<HttpResponse<String>> upload = http.sendAsync(operator.builder("/api/media?name=hoi-nghi.opus")
                .timeout(Duration.ofMinutes(5)).header("Content-Type", "audio/ogg").POST(HttpRequest.BodyPublishers.ofFile(longRecording)).build(),
                HttpResponse.BodyHandlers.ofString());

        await().atMost(Duration.ofSeconds(60)).until(() -> events.stream().anyMatch(line -> line.contains("media.progress")
                && line.contains("hoi-nghi.opus") && !line.contains("\"percent\":100")));
        long asked = System.nanoTime();
        assertEquals(200, server.get("/api/health").status(), "another request is answered meanwhile");
        assertEquals(200, operator.get("/api/media").status());
        assertTrue(Duration.ofNanos(System.nanoTime() - asked).toMillis() < 5_000, "and promptly");
        assertFalse(upload.isDone(), "while the conversion still runs");

        HttpResponse<String> done = upload.get(5, java.util.concurrent.TimeUnit.MINUTES);
        assertEquals(201, done.statusCode(), done.body());
        assertTrue(done.body().contains("\"path\":\"hoi-nghi.mp3\""), done.body());
        await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(line ->
                line.contains("hoi-nghi.opus") && line.contains("\"percent\":100")));
    }

    @Test
    void aFullConversionQueueIsRefusedAtOnceWithACode() throws Exception {
        ApiClient operator = operator("media:\n  conversionThreads: 1\n  conversionQueue: 0\n");
        Path longRecording = Sound.make(made.resolve("hop-thon.opus"), "anoisesrc=color=pink:amplitude=0.1", 120,
                "0dB", "-ac", "1", "-c:a", "libopus", "-b:a", "16k");
        CompletableFuture<HttpResponse<String>> first = HttpClient.newHttpClient().sendAsync(operator
                .builder("/api/media?name=hop-thon.opus").timeout(Duration.ofMinutes(5)).header("Content-Type", "audio/ogg")
                .POST(HttpRequest.BodyPublishers.ofFile(longRecording)).build(), HttpResponse.BodyHandlers.ofString());
        Path wav = Sound.make(made.resolve("ngan.wav"), "sine=frequency=440", 1, "0dB");
        await().atMost(Duration.ofSeconds(60)).until(() -> converting(dir.resolve("data/conversions")));
        TestServer.Reply busy = operator.post("/api/media?name=ngan.wav", "audio/wav", Files.readAllBytes(wav));
        assertEquals(503, busy.status(), busy.toString());
        assertEquals("conversion_busy", busy.body().get("code").asText());
        assertEquals(201, first.get(5, java.util.concurrent.TimeUnit.MINUTES).statusCode());
        assertEquals(201, operator.post("/api/media?name=ngan.wav", "audio/wav", Files.readAllBytes(wav)).status(),
                "taken once the slot is free");
    }

    @Test
    void filesAlreadyInTheLibraryAreMeasuredInTheBackgroundAndLeftAsTheyAre() throws Exception {
        operator("");
        byte[] shipped = Files.readAllBytes(media().resolve("bulletin.mp3"));
        await().atMost(Duration.ofSeconds(60)).until(() -> entry("bulletin.mp3").get("loudness").hasNonNull("integratedLufs"));
        JsonNode loudness = entry("bulletin.mp3").get("loudness");
        assertEquals(Sound.lufs(media().resolve("bulletin.mp3")), loudness.get("integratedLufs").asDouble(), 0.2);
        assertEquals(0.0, loudness.get("gainDb").asDouble());
        assertArrayEquals(shipped, Files.readAllBytes(media().resolve("bulletin.mp3")), "measured, not changed");
    }

    /** Whether a conversion is under way: its input waits in the work folder until it is done. */
    private static boolean converting(Path work) throws java.io.IOException {
        if (!Files.isDirectory(work)) {
            return false;
        }
        try (Stream<Path> files = Files.list(work)) {
            return files.findAny().isPresent();
        }
    }

    private JsonNode entry(String path) {
        for (JsonNode e : server.get("/api/media").body()) {
            if (e.get("path").asText().equals(path)) {
                return e;
            }
        }
        throw new AssertionError(path + " is not listed");
    }

    private record Recording(String name, String source, String gain, String... options) {
    }

    /**
     * AMR-NB as phones record it: the magic line, then 20 ms frames of mode 12.2 kbit/s (ffmpeg decodes AMR
     * but cannot encode it). One frame repeated: a steady buzz about -11 LUFS with a speech-like crest.
     */
    private static byte[] amrNarrowband(int frames) {
        byte[] frame = new byte[32];
        java.util.Random random = new java.util.Random(7);
        for (int i = 1; i < frame.length; i++) {
            frame[i] = (byte) (0xA5 ^ (random.nextInt() & 0x0F));
        }
        frame[0] = 0x3C;
        byte[] out = new byte[6 + frames * 32];
        System.arraycopy("#!AMR\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, out, 0, 6);
        for (int i = 0; i < frames; i++) {
            System.arraycopy(frame, 0, out, 6 + i * 32, 32);
        }
        return out;
    }

    private List<String> files() throws Exception {
        try (Stream<Path> all = Files.walk(media())) {
            return all.filter(Files::isRegularFile).map(p -> media().relativize(p).toString()).sorted().toList();
        }
    }
}
