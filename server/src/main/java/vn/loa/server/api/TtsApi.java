package vn.loa.server.api;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import vn.loa.server.auth.Access;
import vn.loa.server.media.LibraryOwners;
import vn.loa.server.media.MediaEdits;
import vn.loa.server.media.MediaEntry;
import vn.loa.server.media.MediaLibrary;
import vn.loa.server.media.MediaMeta;
import vn.loa.server.policy.LibraryGuard;
import vn.loa.server.tts.SpeechLibrary;
import vn.loa.server.tts.SpeechService;
import vn.loa.server.tts.TtsEngine;

/**
 * /api/tts: text becomes a library recording (POST /api/tts, 201 with the new entry), a preview that is
 * not kept (POST /api/tts/preview, the MP3 itself), and the voices on offer (GET /api/tts/voices). Making
 * a recording takes the rights of an upload. Speech runs on the speech pool; the answer completes later.
 */
public final class TtsApi {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private final SpeechService speech;
    private final SpeechLibrary speechLibrary;
    private final MediaLibrary library;
    private final MediaEdits edits;
    private final MediaMeta meta;
    private final LibraryGuard guard;
    private final ZoneId zone;

    /** Body of POST /api/tts and /api/tts/preview; rate is a factor of the normal speed (0.5–2.0). */
    public record SpeakRequest(String text, String voice, Double rate, String name, String title, String language) {
    }

    public TtsApi(SpeechService speech, SpeechLibrary speechLibrary, MediaLibrary library, MediaEdits edits,
                  MediaMeta meta, LibraryGuard guard, ZoneId zone) {
        this.speech = speech;
        this.speechLibrary = speechLibrary;
        this.library = library;
        this.edits = edits;
        this.meta = meta;
        this.guard = guard;
        this.zone = zone;
    }

    public void register(Router router) {
        router.add(HttpMethod.GET, "/api/tts/voices", Access.CONTENT, Endpoint.sync(r -> ApiResponse.ok(voices())))
                .add(HttpMethod.POST, "/api/tts/preview", Access.CONTENT, this::preview)
                .add(HttpMethod.POST, "/api/tts", Access.CONTENT, this::save);
    }

    private Map<String, Object> voices() {
        TtsEngine engine = speech.engine();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("engines", List.of(Map.of("name", engine.name(), "default", true, "voices", engine.voices())));
        out.put("maxChars", speech.maxChars());
        out.put("rate", Map.of("min", TtsEngine.MIN_RATE, "max", TtsEngine.MAX_RATE, "default", 1.0));
        return out;
    }

    private CompletableFuture<ApiResponse> preview(ApiRequest request) {
        SpeakRequest body = Json.body(request, SpeakRequest.class);
        return SpeechRefusals.translated(() -> speech.speak(body.text(), body.voice(), body.rate()).thenApplyAsync(wav -> {
            Path mp3 = null;
            try {
                mp3 = Files.createTempFile(speech.workDir(), "preview-", ".mp3");
                Path out = mp3;
                io(() -> speech.ffmpeg().toPreviewMp3(wav, out, speech.workDir()));
                return ApiResponse.ok(new RawBody("audio/mpeg", Files.readAllBytes(mp3)));
            } catch (java.io.IOException e) {
                throw new CompletionException(e);
            } finally {
                delete(wav);
                if (mp3 != null) {
                    delete(mp3);
                }
            }
        }, speech.pool()));
    }

    private CompletableFuture<ApiResponse> save(ApiRequest request) {
        SpeakRequest body = Json.body(request, SpeakRequest.class);
        String name = fileName(body.name());
        MediaEdits.Change said = new MediaEdits.Change(true, blankToNull(body.title()), true,
                body.language() == null ? "vi" : blankToNull(body.language()), null);
        return SpeechRefusals.translated(() -> {
            MediaEdits.check(said);
            if (library.entry(name).isPresent()) { // said before speaking, not after a minute of work
                throw new SpeechRefusals.NameTaken(name);
            }
            return speech.speak(body.text(), body.voice(), body.rate()).thenApplyAsync(wav -> {
                try {
                    MediaEntry stored = speechLibrary.add(wav, name, request.principal());
                    edits.change(stored.path(), said, request.actor());
                    return new ApiResponse(HttpResponseStatus.CREATED, MediaApi.view(library, library.entry(stored.path())
                            .orElse(stored), guard.areaOf(LibraryOwners.Kind.MEDIA, stored.path()),
                            meta.find(stored.path()).orElse(null)));
                } finally {
                    delete(wav);
                }
            }, speech.pool());
        });
    }

    /** A name given, with .mp3 added when missing; else one made of the time ("doc-20261129-190512.mp3"). */
    private String fileName(String given) {
        if (given == null || given.isBlank()) {
            return "doc-" + LocalDateTime.now(zone).format(STAMP) + ".mp3";
        }
        String name = given.strip();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".mp3") ? name : name + ".mp3";
    }

    private interface IoStep {
        void run() throws java.io.IOException, InterruptedException;
    }

    private static void io(IoStep step) throws java.io.IOException {
        try {
            step.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.IOException("interrupted", e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException ignored) {
            // a temporary file in the speech work directory; harmless
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
