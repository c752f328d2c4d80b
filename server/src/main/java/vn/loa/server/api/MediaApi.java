package vn.loa.server.api;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import vn.loa.server.auth.Access;
import vn.loa.server.media.LibraryOwners;
import vn.loa.server.media.MediaEntry;
import vn.loa.server.media.MediaLibrary;
import vn.loa.server.media.MediaMeta;
import vn.loa.server.media.MediaUploads;
import vn.loa.server.media.convert.AudioIngest;
import vn.loa.server.media.convert.ConversionRefused;
import vn.loa.server.media.convert.Loudness;
import vn.loa.server.media.convert.LoudnessStore;
import vn.loa.server.policy.LibraryGuard;

/**
 * GET /api/media: the library, accepted and rejected files alike, each with its reason and loudness.
 * POST /api/media: an upload of any recording a phone makes (MP3, M4A, AMR, WAV, FLAC, OGG/Opus, WMA), raw
 * ({@code audio/*} or {@code application/octet-stream}, name in {@code ?name=}) or as a multipart form
 * with one file field, as browsers send it; it becomes a station MP3 at the target loudness
 * ({@link AudioIngest}). Each file belongs to an area (its uploader's, or {@code ?area=}); replacing one
 * takes a scope that covers that area. Each is listed with the title and language people gave it
 * (changed through {@link MediaEditsApi}). GET /api/media/conversion: whether conversion is on and why not.
 */
public final class MediaApi {
    private final MediaLibrary library;
    private final LibraryGuard guard;
    private final MediaMeta meta;
    private final AudioIngest ingest;
    private final LoudnessStore loudness;

    public MediaApi(MediaLibrary library, LibraryGuard guard, MediaMeta meta, AudioIngest ingest,
                    LoudnessStore loudness) {
        this.library = library;
        this.guard = guard;
        this.meta = meta;
        this.ingest = ingest;
        this.loudness = loudness;
    }

    public void register(Router router) {
        router.add(HttpMethod.GET, "/api/media", Access.MONITOR, Endpoint.sync(r -> ApiResponse.ok(list(r))))
                .add(HttpMethod.POST, "/api/media", Access.CONTENT, RouteKind.UPLOAD, this::upload)
                .add(HttpMethod.GET, "/api/media/conversion", Access.MONITOR,
                        Endpoint.sync(r -> ApiResponse.ok(ingest.status())))
                .add(HttpMethod.GET, "/api/media/audio", Access.MONITOR, Endpoint.sync(this::audio));
    }

    /** The file's bytes, for the console's preview player. */
    private ApiResponse audio(ApiRequest request) {
        try {
            return ApiResponse.ok(new RawBody("audio/mpeg", library.bytes(request.param("path"))));
        } catch (vn.loa.server.media.MediaRejected e) {
            throw ApiException.notFound(e.getMessage()).withCode("no_such_media");
        }
    }

    private record Upload(String name, byte[] bytes) {
    }

    /**
     * Checked here on an API thread; converted on a conversion thread, and answered when the file is in
     * the library (201 with its entry), so neither the event loop nor an API thread waits for ffmpeg.
     */
    private CompletableFuture<ApiResponse> upload(ApiRequest request) {
        String type = request.contentType() == null ? "" : request.contentType().toLowerCase();
        Upload upload;
        if (type.startsWith("audio/") || type.startsWith("video/") || type.startsWith("application/octet-stream")) {
            upload = new Upload(request.param("name"), request.body());
        } else if (type.startsWith("multipart/form-data")) {
            upload = multipart(request);
        } else {
            throw new ApiException(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "send the recording as audio/mpeg "
                    + "(or any audio/*, or application/octet-stream; name in ?name=) or as multipart/form-data, not '" + request.contentType() + "'").withCode("not_mp3_upload");
        }
        if (upload.bytes().length == 0) {
            throw ApiException.badRequest("the upload is empty").withCode("mp3_empty");
        }
        String name = upload.name();
        boolean replace = "true".equals(request.param("replace"));
        try {
            return ingest.submit(name, upload.bytes(), request.principal(), request.param("area"), replace)
                    .handle((stored, failure) -> {
                        if (failure != null) {
                            throw refusal(failure instanceof CompletionException c && c.getCause() != null
                                    ? c.getCause() : failure, name);
                        }
                        return new ApiResponse(HttpResponseStatus.CREATED, view(library, stored,
                                guard.areaOf(LibraryOwners.Kind.MEDIA, stored.path()),
                                meta.find(stored.path()).orElse(null), loudness.find(stored.path())));
                    });
        } catch (RuntimeException e) {
            throw refusal(e, name);
        }
    }

    /** The library's and the converter's refusals in the API's words; anything else as it is. */
    private static RuntimeException refusal(Throwable failure, String name) {
        if (failure instanceof MediaUploads.Refused e) {
            return uploadRefused(e).withParam("file", name).withParam("name", name);
        }
        if (failure instanceof ConversionRefused e) {
            return conversionRefused(e);
        }
        return failure instanceof RuntimeException r ? r : new CompletionException(failure);
    }

    /** A refused store in the API's words; also for speech, which stores through the same library. */
    static ApiException uploadRefused(MediaUploads.Refused e) {
        return new ApiException(switch (e.kind()) {
            case INVALID -> HttpResponseStatus.BAD_REQUEST;
            case EXISTS -> HttpResponseStatus.CONFLICT;
            case NO_SPACE -> HttpResponseStatus.INSUFFICIENT_STORAGE;
        }, e.code(), e.getMessage());
    }

    /** A refused conversion in the API's words; also for speech, which enters the library the same way. */
    static ApiException conversionRefused(ConversionRefused e) {
        return new ApiException(switch (e.kind()) {
            case UNDECODABLE -> HttpResponseStatus.UNPROCESSABLE_ENTITY;
            case UNSUPPORTED -> HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE;
            case BUSY -> HttpResponseStatus.SERVICE_UNAVAILABLE;
            case FAILED -> HttpResponseStatus.INTERNAL_SERVER_ERROR;
        }, e.code(), e.getMessage()).withParams(e.params());
    }

    /** Every file, each with {@code mayChange}: whether the caller's scope covers its area (the guard's rule). */
    private java.util.List<ObjectNode> list(ApiRequest request) {
        Map<String, String> areas = guard.areas(LibraryOwners.Kind.MEDIA);
        Map<String, MediaMeta.Meta> said = meta.all();
        Map<String, Loudness> measured = loudness.current();
        boolean content = request.principal() != null && request.principal().role().allows(Access.CONTENT);
        return library.entries().stream().map(e -> {
            ObjectNode node = view(library, e, areas.get(e.path()), said.get(e.path()), measured.get(e.path()));
            node.put("mayChange", content && guard.mayChange(request.principal(), areas.get(e.path())));
            return node;
        }).toList();
    }

    /**
     * The entry with its owner's area (null: the root) and its name as {@code id}, so the audit names the
     * file. title: what people named it, else the ID3 title, else the file name (tagTitle: the ID3 title);
     * language: its tag or null; modifiedAt: when it was uploaded or last replaced; loudness: as measured
     * (null until it is).
     */
    static ObjectNode view(MediaLibrary library, MediaEntry entry, String area, MediaMeta.Meta said) {
        return view(library, entry, area, said, null);
    }

    static ObjectNode view(MediaLibrary library, MediaEntry entry, String area, MediaMeta.Meta said,
                           Loudness loudness) {
        ObjectNode node = Json.MAPPER.valueToTree(entry);
        node.put("id", entry.path());
        node.put("area", area);
        node.put("tagTitle", entry.title());
        node.put("title", said != null && said.title() != null ? said.title() : entry.displayTitle());
        node.put("language", said == null ? null : said.language());
        java.time.Instant modified = library.modified(entry.path());
        node.put("modifiedAt", modified == null ? null : modified.toString());
        node.set("loudness", Json.MAPPER.valueToTree(loudness));
        return node;
    }

    /** The first file field of a multipart form; its file name unless ?name= says otherwise. */
    private static Upload multipart(ApiRequest request) {
        if (!MediaUploads.hasBoundary(request.contentType())) {
            throw new ApiException(HttpResponseStatus.BAD_REQUEST, "multipart_without_boundary",
                    "a multipart/form-data upload must name its boundary (1..70 characters) in Content-Type");
        }
        DefaultFullHttpRequest http = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, request.path(),
                Unpooled.wrappedBuffer(request.body()));
        http.headers().set(HttpHeaderNames.CONTENT_TYPE, request.contentType());
        HttpPostRequestDecoder decoder;
        try {
            decoder = new HttpPostRequestDecoder(new DefaultHttpDataFactory(false), http);
        } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
            throw ApiException.badRequest("malformed multipart body: " + e.getMessage()).withCode("invalid_request");
        }
        try {
            for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                if (data instanceof FileUpload file) {
                    String name = request.param("name") != null ? request.param("name") : file.getFilename();
                    return new Upload(name, file.get());
                }
            }
            throw ApiException.badRequest("the multipart body has no file field").withCode("invalid_request");
        } catch (HttpPostRequestDecoder.NotEnoughDataDecoderException | IOException e) {
            throw ApiException.badRequest("malformed multipart body: " + e.getMessage()).withCode("invalid_request");
        } finally {
            decoder.destroy();
            http.release();
        }
    }
}
