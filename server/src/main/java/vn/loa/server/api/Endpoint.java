package vn.loa.server.api;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** One API operation. Asynchronous, so an endpoint that waits on a receiver holds no thread while it waits. */
@FunctionalInterface
public interface Endpoint {
    CompletableFuture<ApiResponse> handle(ApiRequest request);

    static Endpoint sync(Function<ApiRequest, ApiResponse> body) {
        return request -> CompletableFuture.completedFuture(body.apply(request));
    }
}
