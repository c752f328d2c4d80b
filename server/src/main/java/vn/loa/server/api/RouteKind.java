package vn.loa.server.api;

/**
 * What a route answers with, which decides how its request is read: a JSON API call has its body
 * collected up to a small limit, an upload up to the upload limit, a stream and a static file none.
 */
public enum RouteKind {
    /** A JSON request and a JSON answer, collected up to the JSON body limit. */
    JSON,
    /** A media upload: a large body, collected up to maxUploadBytes. */
    UPLOAD,
    /** An answer that keeps flowing (Server-Sent Events, listen-in audio); no request body. */
    STREAM,
    /** A console file; no request body. */
    STATIC
}
