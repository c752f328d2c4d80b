package vn.loa.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.loa.server.auth.Access;
import vn.loa.server.media.LibraryOwners;
import vn.loa.server.media.MediaEdits;
import vn.loa.server.media.MediaEntry;
import vn.loa.server.media.MediaLibrary;
import vn.loa.server.media.MediaUploads;
import vn.loa.server.policy.LibraryGuard;

/**
 * PATCH /api/media/{path}: a file's title, language or name; DELETE /api/media/{path}: the file. Both
 * take a scope over the file's area (LibraryGuard decides); a file that a playlist or schedule uses is
 * refused as 409 media_in_use, naming them.
 */
public final class MediaEditsApi {
    private final MediaLibrary library;
    private final MediaEdits edits;
    private final LibraryGuard guard;

    public MediaEditsApi(MediaLibrary library, MediaEdits edits, LibraryGuard guard) {
        this.library = library;
        this.edits = edits;
        this.guard = guard;
    }

    public void register(Router router) {
        router.add(HttpMethod.PATCH, "/api/media/{path...}", Access.CONTENT, Endpoint.sync(this::patch))
                .add(HttpMethod.DELETE, "/api/media/{path...}", Access.CONTENT, Endpoint.sync(this::delete));
    }

    /** {"title", "language", "name"}: a field left out stays; title or language null or "" goes back to the default. */
    private ApiResponse patch(ApiRequest request) {
        String path = request.pathParam(0);
        JsonNode body = Json.body(request, JsonNode.class);
        if (body == null || !body.isObject()) {
            throw new ApiException(HttpResponseStatus.BAD_REQUEST, "media_patch_invalid",
                    "send a JSON object with title, language and/or name");
        }
        MediaEdits.Change change = new MediaEdits.Change(body.has("title"), text(body, "title"), body.has("language"),
                text(body, "language"), text(body, "name"));
        try {
            MediaEdits.check(change);
            String now = guard.rename(request.principal(), LibraryOwners.Kind.MEDIA, path,
                    () -> library.entry(path).isPresent(),
                    () -> edits.change(path, change, request.actor()).orElseThrow(() -> notFound(path)));
            MediaEntry entry = library.entry(now).orElseThrow(() -> notFound(now));
            return ApiResponse.ok(MediaApi.view(library, entry, guard.areaOf(LibraryOwners.Kind.MEDIA, now),
                    edits.meta(now).orElse(null)));
        } catch (MediaEdits.InUse e) {
            throw inUse(path, e);
        } catch (MediaEdits.Invalid e) {
            throw new ApiException(HttpResponseStatus.BAD_REQUEST, e.code(), e.getMessage());
        } catch (MediaUploads.Refused e) {
            throw switch (e.kind()) {
                case EXISTS -> new ApiException(HttpResponseStatus.CONFLICT, "media_exists", e.getMessage());
                case INVALID -> new ApiException(HttpResponseStatus.BAD_REQUEST, "media_name_invalid", e.getMessage());
                case NO_SPACE -> new ApiException(HttpResponseStatus.INSUFFICIENT_STORAGE, "media_not_stored", e.getMessage());
            };
        }
    }

    private ApiResponse delete(ApiRequest request) {
        String path = request.pathParam(0);
        try {
            guard.remove(request.principal(), LibraryOwners.Kind.MEDIA, path, () -> library.entry(path).isPresent(),
                    () -> {
                        if (!edits.delete(path)) {
                            throw notFound(path);
                        }
                        return true;
                    });
        } catch (MediaEdits.InUse e) {
            throw inUse(path, e);
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

    /** 409 media_in_use with who uses it, so the console can name them; rendered like every refusal. */
    private static ApiException inUse(String path, MediaEdits.InUse e) {
        return new ApiException(HttpResponseStatus.CONFLICT, "media_in_use", e.getMessage())
                .withParam("name", path)
                .withParam("playlists", String.join(", ", e.playlists()))
                .withParam("schedules", String.join(", ", e.schedules().stream().map(String::valueOf).toList()))
                .withParam("playlistCount", e.playlists().size())
                .withParam("scheduleCount", e.schedules().size());
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
}
