package vn.loa.server.api;

/** A response body sent as it is, not as JSON (the Prometheus scrape). */
public record RawBody(String contentType, byte[] bytes) {
}
