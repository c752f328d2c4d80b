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
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import vn.loa.server.auth.Access;
import vn.loa.server.media.LibraryOwners;
import vn.loa.server.media.MediaEntry;
import vn.loa.server.media.MediaLibrary;
import vn.loa.server.media.MediaMeta;
import vn.loa.server.media.Playlist;
import vn.loa.server.media.MediaUploads;
import vn.loa.server.policy.LibraryGuard;
import vn.loa.server.text.TextRules;

/**
 * GET /api/media: the library, accepted and rejected files alike, each with its reason. POST /api/media:
 * an upload, either the raw MP3 ({@code Content-Type: audio/mpeg}, name in {@code ?name=}) or a
 * multipart form with one file field, as browsers send it. Each file belongs to an area (its
 * uploader's, or {@code ?area=}); replacing one takes a scope that covers that area.
 * PATCH /api/media/{path}: its title, language or name; DELETE: the file. Both take a scope over its
 * area, and neither may leave a playlist or a schedule pointing at a file that is gone: a file in use
 * is refused with {@code media_in_use}, naming who uses it.
 */
public final class MediaApi {
    private final MediaLibrary library;
    private final MediaUploads uploads;
    private final LibraryGuard guard;
    private final MediaMeta meta;
    private final Function<String, List<Long>> schedulesUsing;
    private final java.time.Clock clock;
    private final Runnable rewritePlaylists;
    /** A BCP 47 language tag in lower case: vi, bdq, sed, sed-x-cadong. */
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{1,8}){0,4}");

    /** The file is used by these playlists and schedules, so it cannot be renamed or deleted now. */
    private static final class InUse extends RuntimeException {
        private final transient List<String> playlists;
        private final transient List<Long> schedules;

        InUse(String path, List<String> playlists, List<Long> schedules) {
            super(path + " is used by playlist(s) " + playlists + " and schedule(s) " + schedules
                    + "; take it out of them first", null, false, false);
            this.playlists = playlists;
            this.schedules = schedules;
        }
    }

    /**
     * @param schedulesUsing   the schedules whose programme names a file directly (not through a playlist)
     * @param rewritePlaylists writes the API playlists' M3U8 files again, so a new title reaches their lines
     */
    public MediaApi(MediaLibrary library, MediaUploads uploads, LibraryGuard guard, MediaMeta meta,
                    Function<String, List<Long>> schedulesUsing, Runnable rewritePlaylists, java.time.Clock clock) {
        this.library = library;
        this.uploads = uploads;
        this.guard = guard;
        this.meta = meta;
        this.schedulesUsing = schedulesUsing;
        this.clock = clock;
        this.rewritePlaylists = rewritePlaylists;
        library.giveTitles(meta.titles());
    }

    public void register(Router router) {
        router.add(HttpMethod.GET, "/api/media", Access.MONITOR, Endpoint.sync(r -> ApiResponse.ok(list())))
                .add(HttpMethod.POST, "/api/media", Access.CONTENT, RouteKind.UPLOAD, Endpoint.sync(this::upload))
                .add(HttpMethod.GET, "/api/media/audio", Access.MONITOR, Endpoint.sync(this::audio))
                .add(HttpMethod.PATCH, "/api/media/{path...}", Access.CONTENT, Endpoint.sync(this::patch))
                .add(HttpMethod.DELETE, "/api/media/{path...}", Access.CONTENT, Endpoint.sync(this::delete));
    }

    /**
     * {"title", "language", "name"}: a field left out stays as it is; title or language null or "" goes
     * back to the default (the ID3 title or the file name; no language). A new name renames the file in
     * its folder, keeping its area, title and language.
     */
    private ApiResponse patch(ApiRequest request) {
        String path = request.pathParam(0);
        JsonNode body = Json.body(request, JsonNode.class);
        if (body == null || !body.isObject()) {
            throw new ApiException(HttpResponseStatus.BAD_REQUEST, "media_patch_invalid",
                    "send a JSON object with title, language and/or name");
        }
        String title = text(body, "title");
        if (title != null && TextRules.problem("title", title, 200, false).isPresent()) {
            throw new ApiException(HttpResponseStatus.BAD_REQUEST, "media_title_invalid",
                    "title must be one line of at most 200 characters, without control or bidi control characters");
        }
        String language = text(body, "language");
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            throw new ApiException(HttpResponseStatus.BAD_REQUEST, "media_language_invalid",
                    "language must be a lower-case language tag such as vi, bdq or sed-x-cadong, not '" + language + "'");
        }
        String newName = body.hasNonNull("name") ? body.get("name").asText() : null;
        try {
            String renamed = guard.rename(request.principal(), LibraryOwners.Kind.MEDIA, path,
                    () -> library.entry(path).isPresent(), () -> {
                        if (library.entry(path).isEmpty()) {
                            throw notFound(path);
                        }
                        String now = path;
                        if (newName != null && !newName.equals(path.substring(path.lastIndexOf('/') + 1))) {
                            requireUnused(path);
                            now = uploads.rename(path, newName);
                            meta.move(path, now);
                        }
                        if (body.has("title") || body.has("language")) {
                            MediaMeta.Meta before = meta.find(now).orElse(null);
                            meta.put(now, new MediaMeta.Meta(
                                    body.has("title") ? title : before == null ? null : before.title(),
                                    body.has("language") ? language : before == null ? null : before.language(),
                                    request.actor(), clock.instant()));
                        }
                        return now;
                    });
            // Playlists and broadcasts announce the file by its new title from now on.
            library.giveTitles(meta.titles());
            rewritePlaylists.run();
            library.rescan();
            MediaEntry entry = library.entry(renamed).orElseThrow(() -> notFound(renamed));
            return ApiResponse.ok(view(entry, guard.areaOf(LibraryOwners.Kind.MEDIA, renamed),
                    meta.find(renamed).orElse(null)));
        } catch (InUse e) {
            return inUse(path, e);
        } catch (MediaUploads.Refused e) {
            throw new ApiException(e.kind() == MediaUploads.Refused.Kind.EXISTS ? HttpResponseStatus.CONFLICT
                    : e.kind() == MediaUploads.Refused.Kind.INVALID ? HttpResponseStatus.BAD_REQUEST
                    : HttpResponseStatus.INSUFFICIENT_STORAGE, e.kind() == MediaUploads.Refused.Kind.EXISTS
                    ? "media_exists" : e.kind() == MediaUploads.Refused.Kind.INVALID ? "media_name_invalid"
                    : "media_not_stored", e.getMessage());
        }
    }

    private ApiResponse delete(ApiRequest request) {
        String path = request.pathParam(0);
        try {
            guard.remove(request.principal(), LibraryOwners.Kind.MEDIA, path, () -> library.entry(path).isPresent(),
                    () -> {
                        if (library.entry(path).isEmpty()) {
                            throw notFound(path);
                        }
                        requireUnused(path);
                        uploads.delete(path);
                        meta.remove(path);
                        library.giveTitles(meta.titles());
                        return true;
                    });
        } catch (InUse e) {
            return inUse(path, e);
        } catch (MediaUploads.Refused e) {
            throw new ApiException(HttpResponseStatus.INSUFFICIENT_STORAGE, "media_not_stored", e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", path);
        out.put("status", "DELETED");
        return ApiResponse.ok(out);
    }

    private static ApiException notFound(String path) {
        return new ApiException(HttpResponseStatus.NOT_FOUND, "media_not_found", path + " is not in the library");
    }

    /** Refuses to take away a file a playlist or a schedule still plays. */
    private void requireUnused(String path) {
        List<String> playlists = library.playlists().stream()
                .filter(p -> p.items().stream().map(Playlist.Item::path).anyMatch(path::equals))
                .map(Playlist::name).sorted().toList();
        List<Long> schedules = schedulesUsing.apply(path);
        if (!playlists.isEmpty() || !schedules.isEmpty()) {
            throw new InUse(path, playlists, schedules);
        }
    }

    /** 409 media_in_use with who uses it, so the console can name them. */
    private static ApiResponse inUse(String path, InUse e) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("name", path);
        params.put("playlists", String.join(", ", e.playlists));
        params.put("schedules", String.join(", ", e.schedules.stream().map(String::valueOf).toList()));
        params.put("playlistCount", e.playlists.size());
        params.put("scheduleCount", e.schedules.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 409);
        body.put("code", "media_in_use");
        body.put("error", e.getMessage());
        body.put("params", params);
        body.put("id", path);
        return new ApiResponse(HttpResponseStatus.CONFLICT, body);
    }

    /** A text field: null when absent, null or blank. */
    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ApiException(HttpResponseStatus.BAD_REQUEST, "media_patch_invalid", field + " must be a string");
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    /** The file's bytes, for the console's preview player. */
    private ApiResponse audio(ApiRequest request) {
        try {
            return ApiResponse.ok(new RawBody("audio/mpeg", library.bytes(request.param("path"))));
        } catch (vn.loa.server.media.MediaRejected e) {
            throw ApiException.notFound(e.getMessage());
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
                    + "?name=) or as multipart/form-data, not '" + request.contentType() + "'");
        }
        if (upload.bytes().length == 0) {
            throw ApiException.badRequest("the upload is empty");
        }
        String name = upload.name();
        boolean replace = "true".equals(request.param("replace"));
        try {
            // Only a replacement changes an existing file; a plain upload over one is refused as a 409 anyway.
            MediaEntry stored = guard.change(request.principal(), LibraryOwners.Kind.MEDIA, name,
                    () -> replace && name != null && library.entry(name).isPresent(), request.param("area"),
                    () -> uploads.store(name, upload.bytes(), replace));
            return new ApiResponse(HttpResponseStatus.CREATED,
                    view(stored, guard.areaOf(LibraryOwners.Kind.MEDIA, stored.path()), meta.find(stored.path()).orElse(null)));
        } catch (MediaUploads.Refused e) {
            throw new ApiException(switch (e.kind()) {
                case INVALID -> HttpResponseStatus.BAD_REQUEST;
                case EXISTS -> HttpResponseStatus.CONFLICT;
                case NO_SPACE -> HttpResponseStatus.INSUFFICIENT_STORAGE;
            }, e.getMessage());
        }
    }

    private java.util.List<ObjectNode> list() {
        Map<String, String> areas = guard.areas(LibraryOwners.Kind.MEDIA);
        Map<String, MediaMeta.Meta> said = meta.all();
        return library.entries().stream().map(e -> view(e, areas.get(e.path()), said.get(e.path()))).toList();
    }

    /**
     * The entry with its owner's area (null: the root) and its name as {@code id}, so the audit names the
     * file. title: what people named it, else the ID3 title, else the file name (tagTitle: the ID3 title);
     * language: its tag or null; modifiedAt: when it was uploaded or last replaced.
     */
    private ObjectNode view(MediaEntry entry, String area, MediaMeta.Meta said) {
        ObjectNode node = Json.MAPPER.valueToTree(entry);
        node.put("id", entry.path());
        node.put("area", area);
        node.put("tagTitle", entry.title());
        node.put("title", said != null && said.title() != null ? said.title() : defaultTitle(entry));
        node.put("language", said == null ? null : said.language());
        java.time.Instant modified = library.modified(entry.path());
        node.put("modifiedAt", modified == null ? null : modified.toString());
        return node;
    }

    private static String defaultTitle(MediaEntry entry) {
        if (entry.title() != null) {
            return entry.title();
        }
        String name = entry.path().substring(entry.path().lastIndexOf('/') + 1);
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".mp3") ? name.substring(0, name.length() - 4) : name;
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
            throw ApiException.badRequest("malformed multipart body: " + e.getMessage());
        }
        try {
            for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                if (data instanceof FileUpload file) {
                    String name = request.param("name") != null ? request.param("name") : file.getFilename();
                    return new Upload(name, file.get());
                }
            }
            throw ApiException.badRequest("the multipart body has no file field");
        } catch (HttpPostRequestDecoder.NotEnoughDataDecoderException | IOException e) {
            throw ApiException.badRequest("malformed multipart body: " + e.getMessage());
        } finally {
            decoder.destroy();
            http.release();
        }
    }
}
