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
import java.io.IOException;
import vn.loa.server.auth.Access;
import vn.loa.server.media.MediaLibrary;
import vn.loa.server.media.MediaUploads;

/**
 * GET /api/media: the library, accepted and rejected files alike, each with its reason. POST /api/media:
 * an upload, either the raw MP3 ({@code Content-Type: audio/mpeg}, name in {@code ?name=}) or a
 * multipart form with one file field, as browsers send it.
 */
public final class MediaApi {
    private final MediaLibrary library;
    private final MediaUploads uploads;

    public MediaApi(MediaLibrary library, MediaUploads uploads) {
        this.library = library;
        this.uploads = uploads;
    }

    public void register(Router router) {
        router.add(HttpMethod.GET, "/api/media", Access.MONITOR, Endpoint.sync(r -> ApiResponse.ok(library.entries())))
                .add(HttpMethod.POST, "/api/media", Access.CONTENT, RouteKind.UPLOAD, Endpoint.sync(this::upload))
                .add(HttpMethod.GET, "/api/media/audio", Access.MONITOR, Endpoint.sync(this::audio));
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
        try {
            return new ApiResponse(HttpResponseStatus.CREATED,
                    uploads.store(upload.name(), upload.bytes(), "true".equals(request.param("replace"))));
        } catch (MediaUploads.Refused e) {
            throw new ApiException(switch (e.kind()) {
                case INVALID -> HttpResponseStatus.BAD_REQUEST;
                case EXISTS -> HttpResponseStatus.CONFLICT;
                case NO_SPACE -> HttpResponseStatus.INSUFFICIENT_STORAGE;
            }, e.getMessage());
        }
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
