package vn.loa.server.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads path and query parameters, turning anything malformed into a 400 that names the parameter. */
final class Params {
    private Params() {
    }

    static long number(String value, String name) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a number, not '" + value + "'").withCode("invalid_request");
        }
    }

    /** The "limit" query parameter: 1..max, {@code fallback} when absent. */
    static int limit(ApiRequest request, int fallback, int max) {
        String value = request.param("limit");
        if (value == null) {
            return fallback;
        }
        long limit = number(value, "limit");
        if (limit < 1 || limit > max) {
            throw ApiException.badRequest("limit must be 1.." + max + ", not " + limit).withCode("invalid_request");
        }
        return (int) limit;
    }

    /** An ISO-8601 instant query parameter, or null when absent. */
    static Instant instant(ApiRequest request, String name) {
        String value = request.param(name);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " '" + value + "' is not an ISO-8601 instant such as 2026-11-22T06:00:00Z").withCode("invalid_request");
        }
    }
}
