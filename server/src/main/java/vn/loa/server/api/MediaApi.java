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
import vn.loa.server.auth.Access;
import vn.loa.server.media.LibraryOwners;
import vn.loa.server.media.MediaEntry;
import vn.loa.server.media.MediaLibrary;
import vn.loa.server.media.MediaMeta;
import vn.loa.server.media.MediaUploads;
import vn.loa.server.policy.LibraryGuard;

/**
 * GET /api/media: the library, accepted and rejected files alike, each with its reason. POST /api/media:
 * an upload, either the raw MP3 ({@code Content-Type: audio/mpeg}, name in {@code ?name=}) or a
 * multipart form with one file field, as browsers send it. Each file belongs to an area (its
 * uploader's, or {@code ?area=}); replacing one takes a scope that covers that area. Each is listed
 * with the title and language people gave it (changed through {@link MediaEditsApi}).
 */
public final class MediaApi {
    private final MediaLibrary library;
    private final MediaUploads uploads;
    private final LibraryGuard guard;
    private final MediaMeta meta;

    public MediaApi(MediaLibrary library, MediaUploads uploads, LibraryGuard guard, MediaMeta meta) {
        this.library = library;
        this.uploads = uploads;
        this.guard = guard;
        this.meta = meta;
    }

    public void register(Router router) {
        router.add(HttpMethod.GET, "/api/media", Access.MONITOR, Endpoint.sync(r -> ApiResponse.ok(list(r))))
                .add(HttpMethod.POST, "/api/media", Access.CONTENT, RouteKind.UPLOAD, Endpoint.sync(this::upload))
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

    private ApiResponse upload(ApiRequest request) {
        String type = request.contentType() == null ? "" : request.contentType().toLowerCase();
        Upload upload;
        if (type.startsWith("audio/mpeg") || type.startsWith("application/octet-stream")) {
            upload = new Upload(request.param("name"), request.body());
        } else if (type.startsWith("multipart/form-data")) {
            upload = multipart(request);
        } else {
            throw new ApiException(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "send the MP3 as audio/mpeg (name in "
                    + "?name=) or as multipart/form-data, not '" + request.contentType() + "'").withCode("not_mp3_upload");
        }
        if (upload.bytes().length == 0) {
            throw ApiException.badRequest("the upload is empty").withCode("mp3_empty");
        }
        String name = upload.name();
        boolean replace = "true".equals(request.param("replace"));
        try {
            // Only a replacement changes an existing file; a plain upload over one is refused as a 409 anyway.
            MediaEntry stored = guard.change(request.principal(), LibraryOwners.Kind.MEDIA, name,
                    () -> replace && name != null && library.entry(name).isPresent(), request.param("area"),
                    () -> uploads.store(name, upload.bytes(), replace));
            return new ApiResponse(HttpResponseStatus.CREATED, view(library, stored,
                    guard.areaOf(LibraryOwners.Kind.MEDIA, stored.path()), meta.find(stored.path()).orElse(null)));
        } catch (MediaUploads.Refused e) {
            throw new ApiException(switch (e.kind()) {
                case INVALID -> HttpResponseStatus.BAD_REQUEST;
                case EXISTS -> HttpResponseStatus.CONFLICT;
                case NO_SPACE -> HttpResponseStatus.INSUFFICIENT_STORAGE;
            }, e.code(), e.getMessage()).withParam("file", name).withParam("name", name);
        }
    }

    /** Every file, each with {@code mayChange}: whether the caller's scope covers its area (the guard's rule). */
    private java.util.List<ObjectNode> list(ApiRequest request) {
        Map<String, String> areas = guard.areas(LibraryOwners.Kind.MEDIA);
        Map<String, MediaMeta.Meta> said = meta.all();
        boolean content = request.principal() != null && request.principal().role().allows(Access.CONTENT);
        return library.entries().stream().map(e -> {
            ObjectNode node = view(library, e, areas.get(e.path()), said.get(e.path()));
            node.put("mayChange", content && guard.mayChange(request.principal(), areas.get(e.path())));
            return node;
        }).toList();
    }

    /**
     * The entry with its owner's area (null: the root) and its name as {@code id}, so the audit names the
     * file. title: what people named it, else the ID3 title, else the file name (tagTitle: the ID3 title);
     * language: its tag or null; modifiedAt: when it was uploaded or last replaced.
     */
    static ObjectNode view(MediaLibrary library, MediaEntry entry, String area, MediaMeta.Meta said) {
        ObjectNode node = Json.MAPPER.valueToTree(entry);
        node.put("id", entry.path());
        node.put("area", area);
        node.put("tagTitle", entry.title());
        node.put("title", said != null && said.title() != null ? said.title() : entry.displayTitle());
        node.put("language", said == null ? null : said.language());
        java.time.Instant modified = library.modified(entry.path());
        node.put("modifiedAt", modified == null ? null : modified.toString());
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
