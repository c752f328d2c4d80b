package vn.loa.server.api;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.function.Supplier;
import vn.loa.server.auth.Access;
import vn.loa.server.confirm.ConfirmationRefused;
import vn.loa.server.confirm.Confirmations;
import vn.loa.server.confirm.Pending;

/**
 * /api/confirmations: broadcasts and schedule entries waiting for a second officer. Listing needs only
 * to share a station with a request; confirming or rejecting needs emergency rights over all of it,
 * and the officer who asked cannot confirm their own.
 */
public final class ConfirmationsApi {
    private final Confirmations confirmations;

    public ConfirmationsApi(Confirmations confirmations) {
        this.confirmations = confirmations;
    }

    public void register(Router router) {
        router.add(HttpMethod.GET, "/api/confirmations", Access.MONITOR, Endpoint.sync(r -> ApiResponse.ok(
                        confirmations.list(r.principal(), state(r), Params.limit(r, 100, 1_000)))))
                .add(HttpMethod.GET, "/api/confirmations/{id}", Access.MONITOR, Endpoint.sync(r -> step(() ->
                        confirmations.visible(r.principal(), id(r)))))
                .add(HttpMethod.POST, "/api/confirmations/{id}/confirm", Access.EMERGENCY, Endpoint.sync(r -> step(() ->
                        confirmations.confirm(r.principal(), id(r)))))
                .add(HttpMethod.POST, "/api/confirmations/{id}/reject", Access.EMERGENCY, Endpoint.sync(r -> step(() ->
                        confirmations.reject(r.principal(), id(r)))));
    }

    /** AWAITING_CONFIRMATION unless asked otherwise; "ALL" for every state. */
    private static String state(ApiRequest r) {
        String state = r.param("state");
        if (state == null) {
            return Pending.AWAITING;
        }
        if (state.equals("ALL")) {
            return null;
        }
        if (!List.of(Pending.AWAITING, Pending.CONFIRMED, Pending.REJECTED, Pending.EXPIRED).contains(state)) {
            throw ApiException.badRequest("state must be AWAITING_CONFIRMATION, CONFIRMED, REJECTED, EXPIRED or ALL, "
                    + "not '" + state + "'").withCode("invalid_request");
        }
        return state;
    }

    private static long id(ApiRequest r) {
        return Params.number(r.pathParam(0), "request id");
    }

    private static ApiResponse step(Supplier<Pending> step) {
        try {
            return ApiResponse.ok(step.get());
        } catch (ConfirmationRefused e) {
            throw new ApiException(e.missing() ? HttpResponseStatus.NOT_FOUND : HttpResponseStatus.CONFLICT, e.code(),
                    e.getMessage());
        }
    }
}
