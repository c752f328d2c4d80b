package vn.loa.server.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.tts.normalise.Region;

/**
 * The three engines for real: espeak-ng's three Vietnamese voices, a stand-in CLI the test writes (reads
 * stdin, writes a WAV with ffmpeg's sine source), an HTTP service on a local JDK HttpServer; and the
 * service that cuts a long text, speaks the pieces in parallel and joins them.
 */
class EnginesTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    @TempDir
    Path dir;

    @Test
    void espeakMakesAudibleSpeechInEveryVietnameseVoice() throws Exception {
        EspeakEngine espeak = new EspeakEngine("espeak-ng", TIMEOUT);
        assertEquals(List.of("vi", "vi-VN-x-central", "vi-VN-x-south"), espeak.voices().stream().map(Voice::id).toList());
        for (Voice voice : espeak.voices()) {
            Path wav = espeak.synthesize("Ủy ban nhân dân xã thông báo lịch tiêm vắc xin.", voice.id(), 1.0, dir);
            Wav read = Wav.read(wav);
            assertTrue(read.seconds() > 1.0, voice.id() + " spoke " + read.seconds() + " s");
            assertTrue(read.peak() > 3000, voice.id() + " is silent: peak " + read.peak());
        }
    }

    @Test
    void espeakRateChangesTheLength() throws Exception {
        EspeakEngine espeak = new EspeakEngine("espeak-ng", TIMEOUT);
        String text = "Mực nước sông Hồng đang lên, đề nghị bà con chú ý theo dõi thông báo.";
        double slow = Wav.read(espeak.synthesize(text, "vi", 0.5, dir)).seconds();
        double fast = Wav.read(espeak.synthesize(text, "vi", 2.0, dir)).seconds();
        assertTrue(slow > fast * 2.5, "0.5× took " + slow + " s, 2.0× " + fast + " s");
    }

    @Test
    void commandEngineRunsTheTemplateWithoutAShellAndReadsStdin() throws Exception {
        Path seen = dir.resolve("seen.txt");
        Path script = dir.resolve("fake-tts.sh");
        // The stand-in keeps what it was given (stdin, voice, rate) and writes 1 s of a 440 Hz sine as WAV.
        Files.writeString(script, "#!/bin/sh\ncat > \"" + seen + "\"\necho \"$1 $2\" >> \"" + seen + "\"\n"
                + "exec ffmpeg -loglevel error -y -f lavfi -i sine=frequency=440:duration=1 -ar 22050 \"$3\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        CommandEngine engine = new CommandEngine(List.of(script.toString(), "{voice}", "{rate}", "{out}"),
                List.of(new Voice("giong-a; rm -rf /", "north", "A")), TIMEOUT);
        Path wav = engine.synthesize("Xin chào bà con", "giong-a; rm -rf /", 1.5, dir);
        assertTrue(Math.abs(Wav.read(wav).seconds() - 1.0) < 0.05);
        assertEquals("Xin chào bà con" + "giong-a; rm -rf / 1.50\n", Files.readString(seen, StandardCharsets.UTF_8),
                "the text arrives on stdin; the voice is one argument, never a shell word");
    }

    @Test
    void commandEngineFailureIsReportedWithWhatTheProgramSaid() throws Exception {
        Path script = dir.resolve("broken.sh");
        Files.writeString(script, "#!/bin/sh\necho 'no model loaded' >&2\nexit 3\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        CommandEngine engine = new CommandEngine(List.of(script.toString(), "{out}"), List.of(new Voice("v", null, "v")),
                TIMEOUT);
        SpeechFailed failed = assertThrows(SpeechFailed.class, () -> engine.synthesize("x", "v", 1.0, dir));
        assertEquals("tts_engine_failed", failed.code());
        assertTrue(failed.getMessage().contains("no model loaded"), failed.getMessage());
    }

    @Test
    void httpEngineFillsTheTemplateSendsHeadersAndAcceptsWav() throws Exception {
        byte[] wav = Files.readAllBytes(new EspeakEngine("espeak-ng", TIMEOUT).synthesize("Xin chào", "vi", 1.0, dir));
        AtomicReference<String> query = new AtomicReference<>();
        AtomicReference<String> key = new AtomicReference<>();
        AtomicReference<String> body = new AtomicReference<>();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/speak", exchange -> {
            query.set(exchange.getRequestURI().getRawQuery());
            key.set(exchange.getRequestHeaders().getFirst("X-Api-Key"));
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.getResponseHeaders().set("Content-Type", "audio/wav");
            exchange.sendResponseHeaders(200, wav.length);
            exchange.getResponseBody().write(wav);
            exchange.close();
        });
        http.start();
        try {
            HttpEngine engine = HttpEngine.of("http://127.0.0.1:" + http.getAddress().getPort()
                    + "/speak?voice={voice}&speed={rate}", Map.of("X-Api-Key", "k-123"),
                    List.of(new Voice("vi-nữ miền Nam", "south", "Nữ miền Nam")), TIMEOUT);
            Path out = engine.synthesize("Cảnh báo lũ quét", "vi-nữ miền Nam", 0.8, dir);
            assertTrue(out.toString().endsWith(".wav"));
            assertEquals("voice=vi-n%E1%BB%AF+mi%E1%BB%81n+Nam&speed=0.80", query.get());
            assertEquals("k-123", key.get());
            assertEquals("Cảnh báo lũ quét", body.get());
            assertTrue(Wav.read(out).peak() > 3000);
        } finally {
            http.stop(0);
        }
    }

    @Test
    void anMp3AnswerIsJoinedIntoOneWav() throws Exception {
        Path mp3 = dir.resolve("answer.mp3");
        new ProcessBuilder("ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=300:duration=1",
                "-ar", "24000", "-c:a", "libmp3lame", "-b:a", "32k", mp3.toString()).inheritIO().start().waitFor();
        byte[] body = Files.readAllBytes(mp3);
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "audio/mpeg");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        try (SpeechService speech = new SpeechService(HttpEngine.of("http://127.0.0.1:" + http.getAddress().getPort()
                + "/?v={voice}", Map.of(), List.of(new Voice("v", null, "v")), TIMEOUT), Region.north(),
                new Ffmpeg("ffmpeg", TIMEOUT), 2, 5_000, dir.resolve("work"))) {
            // Two sentences of 300 characters: two pieces, two MP3 answers, one WAV of both.
            String text = ("Bà con chú ý theo dõi thông báo. ".repeat(9) + "\n").repeat(2);
            Wav joined = Wav.read(speech.speak(text, "v", 1.0).get(30, TimeUnit.SECONDS));
            assertTrue(Math.abs(joined.seconds() - 2.0) < 0.2, joined.seconds() + " s");
            assertTrue(joined.peak() > 3000);
        } finally {
            http.stop(0);
        }
    }

    @Test
    void httpEngineRefusesAnAnswerThatIsNotAudio() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            byte[] page = "<html>quota exceeded</html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        http.start();
        try {
            HttpEngine engine = HttpEngine.of("http://127.0.0.1:" + http.getAddress().getPort() + "/?v={voice}", Map.of(),
                    List.of(new Voice("v", null, "v")), TIMEOUT);
            assertEquals("tts_engine_failed", assertThrows(SpeechFailed.class, () -> engine.synthesize("x", "v", 1, dir)).code());
        } finally {
            http.stop(0);
        }
    }

    @Test
    void fiveThousandCharactersAreSpokenInPiecesAndJoinedWithinTenSeconds() throws Exception {
        StringBuilder text = new StringBuilder();
        while (text.length() < 4_900) {
            text.append("Ngày 29/11, mực nước sông Hồng tại Hà Nội là 5,2 m, trên BĐ3 0,2 m. "
                    + "Đề nghị bà con không đi qua ngầm tràn, theo dõi thông báo của UBND xã! ");
        }
        try (SpeechService speech = new SpeechService(new EspeakEngine("espeak-ng", TIMEOUT), Region.north(),
                new Ffmpeg("ffmpeg", TIMEOUT), 2, 5_000, dir.resolve("work"))) {
            long started = System.nanoTime();
            Path wav = speech.speak(text.substring(0, 5_000), "vi", 1.0).get(30, TimeUnit.SECONDS);
            long ms = (System.nanoTime() - started) / 1_000_000;
            assertTrue(ms < 10_000, "5,000 characters took " + ms + " ms");
            Wav read = Wav.read(wav);
            assertTrue(read.seconds() > 200, "the whole text is there: " + read.seconds() + " s");
            assertTrue(read.peak() > 3000);
        }
    }

    @Test
    void theServiceRefusesWhatItCannotSpeak() throws Exception {
        try (SpeechService speech = new SpeechService(new EspeakEngine("espeak-ng", TIMEOUT), Region.north(),
                new Ffmpeg("ffmpeg", TIMEOUT), 1, 100, dir.resolve("work"))) {
            assertEquals("tts_text_empty", assertThrows(SpeechRefused.class, () -> speech.speak(" ", null, null)).code());
            assertEquals("tts_text_too_long", assertThrows(SpeechRefused.class,
                    () -> speech.speak("a".repeat(101), null, null)).code());
            assertEquals("tts_unknown_voice", assertThrows(SpeechRefused.class, () -> speech.speak("a", "en", null)).code());
            assertEquals("tts_rate_out_of_range", assertThrows(SpeechRefused.class, () -> speech.speak("a", null, 3.0)).code());
        }
    }

    @Test
    void aFailingPieceFailsTheWholeAndLeavesNoFiles() throws Exception {
        Path script = dir.resolve("fails-on-b.sh");
        Files.writeString(script, "#!/bin/sh\nif grep -q bê; then exit 1; fi\n"
                + "exec ffmpeg -loglevel error -y -f lavfi -i sine=duration=0.2 \"$1\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Path work = dir.resolve("work");
        try (SpeechService speech = new SpeechService(new CommandEngine(List.of(script.toString(), "{out}"),
                List.of(new Voice("v", null, "v")), TIMEOUT), Region.north(), new Ffmpeg("ffmpeg", TIMEOUT), 2, 5_000, work)) {
            String text = ("A a a a a a a a a a a a a a a a a a a a. ").repeat(15) + "Bê bê. " + "C c c c c c c c c c. ".repeat(20);
            CompletionException failed = assertThrows(CompletionException.class, () -> speech.speak(text, "v", 1.0).join());
            assertTrue(failed.getCause() instanceof SpeechFailed, String.valueOf(failed.getCause()));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
                try (var files = Files.list(work)) {
                    return files.findAny().isEmpty();
                }
            });
        }
    }

    /** A 16-bit PCM WAV's length and loudest sample. */
    record Wav(double seconds, int peak) {
        static Wav read(Path file) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals("RIFF", new String(b.array(), 0, 4, StandardCharsets.US_ASCII));
            int pos = 12;
            int rate = 0;
            int channels = 1;
            while (pos + 8 <= b.limit()) {
                String id = new String(b.array(), pos, 4, StandardCharsets.US_ASCII);
                int size = b.getInt(pos + 4);
                if (id.equals("fmt ")) {
                    channels = b.getShort(pos + 10);
                    rate = b.getInt(pos + 12);
                } else if (id.equals("data")) {
                    // espeak-ng streams its WAV and may leave the data size unset; the file's end is the data's end.
                    int end = size <= 0 || pos + 8 + size > b.limit() ? b.limit() : pos + 8 + size;
                    int peak = 0;
                    for (int i = pos + 8; i + 1 < end; i += 2) {
                        peak = Math.max(peak, Math.abs((int) b.getShort(i)));
                    }
                    return new Wav((end - pos - 8) / 2.0 / channels / rate, peak);
                }
                pos += 8 + size + (size & 1);
            }
            throw new AssertionError(file + " has no data chunk");
        }
    }
}
