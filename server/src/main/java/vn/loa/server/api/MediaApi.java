package vn.loa.server.api;

import io.netty.handler.codec.http.HttpMethod;
import vn.loa.server.auth.Access;
import vn.loa.server.media.MediaLibrary;

/** GET /api/media: the library, accepted and rejected files alike, each with its reason. */
public final class MediaApi {
    private final MediaLibrary library;

    public MediaApi(MediaLibrary library) {
        this.library = library;
    }

    public void register(Router router) {
        router.add(HttpMethod.GET, "/api/media", Access.MONITOR, Endpoint.sync(r -> ApiResponse.ok(library.entries())));
    }
}
