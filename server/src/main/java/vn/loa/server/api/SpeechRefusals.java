package vn.loa.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import vn.loa.server.media.MediaEdits;
import vn.loa.server.media.MediaUploads;
import vn.loa.server.media.convert.ConversionRefused;
import vn.loa.server.tts.SpeechFailed;
import vn.loa.server.tts.SpeechRefused;

/**
 * What can go wrong making speech, as the API's codes: the text (400 tts_*), the engine (502, 504, 503
 * when the queue is full), the name and the library (409 name_taken, 400, 507). Used by /api/tts and by
 * alerts that speak; other refusals (rights, text rules) pass through to the usual handling.
 */
final class SpeechRefusals {
    private SpeechRefusals() {
    }

    /** The refusals of speech, of a name, of the library, as the API's codes, thrown now or when the work ends. */
    static CompletableFuture<ApiResponse> translated(Supplier<CompletableFuture<ApiResponse>> work) {
        CompletableFuture<ApiResponse> started;
        try {
            started = work.get();
        } catch (RuntimeException e) {
            started = CompletableFuture.failedFuture(e);
        }
        return started.handle((ok, failure) -> {
            if (failure == null) {
                return ok;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            throw new CompletionException(apiException(cause));
        });
    }

    private static Throwable apiException(Throwable cause) {
        if (cause instanceof SpeechRefused e) {
            ApiException out = ApiException.badRequest(e.getMessage()).withCode(e.code());
            for (Map.Entry<String, Object> p : e.params().entrySet()) {
                out = out.withParam(p.getKey(), p.getValue());
            }
            return out;
        }
        if (cause instanceof SpeechFailed e) {
            return new ApiException(switch (e.code()) {
                case "tts_busy" -> HttpResponseStatus.SERVICE_UNAVAILABLE;
                case "tts_timeout" -> HttpResponseStatus.GATEWAY_TIMEOUT;
                default -> HttpResponseStatus.BAD_GATEWAY;
            }, e.code(), e.getMessage());
        }
        if (cause instanceof NameTaken e) {
            return new ApiException(HttpResponseStatus.CONFLICT, "name_taken", e.getMessage()).withParam("name", e.name);
        }
        if (cause instanceof MediaUploads.Refused e) {
            return MediaApi.uploadRefused(e);
        }
        if (cause instanceof ConversionRefused e) {
            return MediaApi.conversionRefused(e);
        }
        if (cause instanceof MediaEdits.Invalid e) {
            return ApiException.badRequest(e.getMessage()).withCode(e.code());
        }
        return cause;
    }

    /** The name is already in the library: refused before any speech is made. */
    static final class NameTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String name;

        NameTaken(String name) {
            super(name + " is already in the library; choose another name");
            this.name = name;
        }
    }

}
