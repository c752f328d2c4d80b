package vn.loa.server.api;

import io.netty.handler.codec.http.HttpMethod;
import vn.loa.server.auth.Access;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.loa.server.media.LibraryOwners;
import vn.loa.server.media.MediaEntry;
import vn.loa.server.media.MediaLibrary;
import vn.loa.server.media.Playlist;
import vn.loa.server.media.PlaylistEditor;
import vn.loa.server.media.StoredPlaylist;
import vn.loa.server.policy.LibraryGuard;

/**
 * /api/playlists: every playlist the library resolved (files and API-made alike) and, for API-made
 * ones, create, replace and delete. Replacing takes the version the editor last read, so two operators
 * editing the same programme cannot silently overwrite each other. An API playlist belongs to an area
 * (its maker's, or {@code area} in the body when it is made); replacing or deleting it takes a scope
 * that covers that area. Playing one is open to all.
 */
public final class PlaylistsApi {
    private final MediaLibrary library;
    private final PlaylistEditor editor;
    private final Function<String, List<Long>> schedulesUsing;
    private final LibraryGuard guard;

    /**
     * Body of POST (with name) and PUT (name in the path). version: what the editor read; 0 to create only.
     * area: which area a new playlist belongs to, for users with several (read only when it is made).
     */
    public record PlaylistRequest(String name, String title, List<StoredPlaylist.Item> items, Integer version,
                                  String area) {
    }

    /**
     * A playlist as the console shows it: items with lengths, the total, where it came from; mayChange:
     * whether the caller may rewrite or delete it (made through the API, in an area their scope covers).
     */
    public record PlaylistView(String name, String title, List<ItemView> items, long totalMs, List<String> problems,
                               String source, Integer version, String updatedBy, java.time.Instant updatedAt,
                               String area, boolean mayChange) {
    }

    public record ItemView(String path, String title, Long durationMs) {
    }

    public PlaylistsApi(MediaLibrary library, PlaylistEditor editor, Function<String, List<Long>> schedulesUsing,
                        LibraryGuard guard) {
        this.guard = guard;
        this.library = library;
        this.editor = editor;
        this.schedulesUsing = schedulesUsing;
    }

    public void register(Router router) {
        router.add(HttpMethod.GET, "/api/playlists", Access.MONITOR, Endpoint.sync(this::list))
                .add(HttpMethod.GET, "/api/playlists/{name}", Access.MONITOR, Endpoint.sync(r -> ApiResponse.ok(view(r,
                        library.playlist(r.pathParam(0)).orElseThrow(() ->
                                ApiException.notFound("no playlist " + r.pathParam(0)).withCode("no_such_playlist")
                                        .withParam("name", r.pathParam(0)))))))
                .add(HttpMethod.POST, "/api/playlists", Access.CONTENT, Endpoint.sync(this::create))
                .add(HttpMethod.PUT, "/api/playlists/{name}", Access.CONTENT, Endpoint.sync(this::replace))
                .add(HttpMethod.DELETE, "/api/playlists/{name}", Access.CONTENT, Endpoint.sync(this::delete));
    }

    private ApiResponse create(ApiRequest request) {
        PlaylistRequest body = Json.body(request, PlaylistRequest.class);
        if (body.name() == null) {
            throw ApiException.badRequest("name is required").withCode("name_required");
        }
        // A name already taken is refused by the editor (409), whoever owns it.
        guard.change(request.principal(), LibraryOwners.Kind.PLAYLIST, body.name(), () -> false, body.area(),
                () -> save(request, body.name(), body, 0));
        return new ApiResponse(HttpResponseStatus.CREATED, view(request, library.playlist(body.name()).orElseThrow()));
    }

    private ApiResponse replace(ApiRequest request) {
        PlaylistRequest body = Json.body(request, PlaylistRequest.class);
        String name = request.pathParam(0);
        if (body.name() != null && !body.name().equals(name)) {
            throw ApiException.badRequest("name in the body (" + body.name() + ") differs from the path (" + name + ")").withCode("invalid_request");
        }
        boolean existed = guard.change(request.principal(), LibraryOwners.Kind.PLAYLIST, name,
                () -> editor.find(name).isPresent(), body.area(), () -> {
                    boolean before = editor.find(name).isPresent();
                    save(request, name, body, body.version());
                    return before;
                });
        return new ApiResponse(existed ? HttpResponseStatus.OK : HttpResponseStatus.CREATED,
                view(request, library.playlist(name).orElseThrow()));
    }

    private StoredPlaylist save(ApiRequest request, String name, PlaylistRequest body, Integer version) {
        try {
            return editor.save(name, body.title(), body.items(), version, request.actor());
        } catch (PlaylistEditor.Invalid e) {
            throw ApiException.badRequest(e.getMessage()).withCode("playlist_invalid");
        } catch (PlaylistEditor.Conflict e) {
            throw new ApiException(HttpResponseStatus.CONFLICT, Integer.valueOf(0).equals(version) ? "name_taken"
                    : "changed_by_someone_else", e.getMessage()).withParam("name", name);
        }
    }

    private ApiResponse delete(ApiRequest request) {
        String name = request.pathParam(0);
        guard.remove(request.principal(), LibraryOwners.Kind.PLAYLIST, name, () -> editor.find(name).isPresent(),
                () -> deleteUnused(name));
        return ApiResponse.ok(Map.of("name", name, "status", "DELETED"));
    }

    private boolean deleteUnused(String name) {
        List<Long> users = schedulesUsing.apply(name);
        if (!users.isEmpty()) {
            throw new ApiException(HttpResponseStatus.CONFLICT, "playlist " + name + " is used by schedule(s) " + users
                    + "; change or delete them first").withCode("playlist_in_use").withParam("name", name)
                    .withParam("count", users.size());
        }
        try {
            if (!editor.delete(name)) {
                throw ApiException.notFound("no playlist " + name + " made through the API"
                        + (library.playlist(name).isPresent() ? " (it is a file in the media folder)" : ""))
                        .withCode("no_such_playlist").withParam("name", name);
            }
            return true;
        } catch (PlaylistEditor.Invalid e) {
            throw ApiException.badRequest(e.getMessage()).withCode("playlist_invalid");
        }
    }

    private ApiResponse list(ApiRequest request) {
        Map<String, StoredPlaylist> stored = editor.all().stream()
                .collect(Collectors.toMap(StoredPlaylist::name, Function.identity()));
        Map<String, String> areas = guard.areas(LibraryOwners.Kind.PLAYLIST);
        return ApiResponse.ok(library.playlists().stream()
                .map(p -> view(request, p, stored.get(p.name()), areas.get(p.name()))).toList());
    }

    private PlaylistView view(ApiRequest request, Playlist p) {
        return view(request, p, editor.find(p.name()).orElse(null), guard.areaOf(LibraryOwners.Kind.PLAYLIST, p.name()));
    }

    /** area: null for the root (a file in the media folder, or made by an admin). */
    private PlaylistView view(ApiRequest request, Playlist p, StoredPlaylist stored, String area) {
        List<ItemView> items = p.items().stream().map(i -> new ItemView(i.path(), i.title(),
                library.entry(i.path()).map(MediaEntry::durationMs).orElse(null))).toList();
        long total = items.stream().mapToLong(i -> i.durationMs() == null ? 0 : i.durationMs()).sum();
        return new PlaylistView(p.name(), p.title(), items, total, p.problems(), stored == null ? "file" : "api",
                stored == null ? null : stored.version(), stored == null ? null : stored.updatedBy(),
                stored == null ? null : stored.updatedAt(), area, stored != null && request.principal() != null
                && request.principal().role().allows(Access.CONTENT) && guard.mayChange(request.principal(), area));
    }
}
