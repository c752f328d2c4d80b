package vn.loa.server.config;

/**
 * How the HTTP server bounds what a client may hold of it (server.yaml's {@code http} block).
 *
 * @param headerTimeoutMs          a request head must arrive whole within this of its first byte
 * @param idleTimeoutMs            a keep-alive connection without a new request, or a body that stops
 *                                 arriving, is closed after this; streams (events, listen-in) are exempt
 * @param maxJsonBodyBytes         the largest JSON request body; larger ones are refused 413 unread
 * @param failedTokenLimit         invalid tokens one address may send within the window before 429
 * @param failedTokenWindowSeconds the window those failures are counted in
 * @param maxConnections           HTTP connections open at once, all addresses
 * @param maxConnectionsPerAddress ... from one remote address; over either cap the oldest waiting one is closed
 * @param maxBodyBytesInFlight     request body bytes all connections together may be collecting at once
 * @param minBodyBytesPerSecond    a body must arrive within the header timeout plus its length at this rate
 * @param sessionIdleSeconds       a signed-in browser unused this long is signed out (issue 15)
 * @param sessionMaxSeconds        a browser session ends this long after sign-in, however used
 * @param loginFailuresPerName     failed sign-ins for one user name within the login window before 429
 * @param loginFailuresPerAddress  failed sign-ins from one address within the login window before 429
 * @param loginWindowSeconds       the window failed sign-ins are counted in
 */
public record HttpEdgeSettings(long headerTimeoutMs, long idleTimeoutMs, int maxJsonBodyBytes, int failedTokenLimit,
                               long failedTokenWindowSeconds, int maxConnections, int maxConnectionsPerAddress,
                               long maxBodyBytesInFlight, long minBodyBytesPerSecond, long sessionIdleSeconds,
                               long sessionMaxSeconds, int loginFailuresPerName, int loginFailuresPerAddress,
                               long loginWindowSeconds) {

    public static final HttpEdgeSettings DEFAULT = new HttpEdgeSettings(10_000, 60_000, 64 * 1024, 10, 300,
            4_096, 256, 128L * 1024 * 1024, 8 * 1024, 2 * 3600, 12 * 3600, 5, 20, 900);

    public HttpEdgeSettings {
        if (sessionIdleSeconds <= 0 || sessionMaxSeconds <= 0 || loginFailuresPerName <= 0 || loginFailuresPerAddress <= 0
                || loginWindowSeconds <= 0) {
            throw new ConfigException("http: session and login limits must be positive");
        }
        if (headerTimeoutMs <= 0 || idleTimeoutMs <= 0 || failedTokenLimit <= 0 || failedTokenWindowSeconds <= 0) {
            throw new ConfigException("http: timeouts, failedTokenLimit and failedTokenWindowSeconds must be positive");
        }
        if (maxConnections <= 0 || maxConnectionsPerAddress <= 0 || minBodyBytesPerSecond <= 0) {
            throw new ConfigException("http: maxConnections, maxConnectionsPerAddress and minBodyBytesPerSecond must be positive");
        }
        if (maxBodyBytesInFlight < maxJsonBodyBytes) {
            throw new ConfigException("http: maxBodyBytesInFlight must hold at least one JSON body (" + maxJsonBodyBytes
                    + " bytes), got " + maxBodyBytesInFlight);
        }
        if (maxJsonBodyBytes < 1024) {
            throw new ConfigException("http: maxJsonBodyBytes must be at least 1024, got " + maxJsonBodyBytes);
        }
    }
}
