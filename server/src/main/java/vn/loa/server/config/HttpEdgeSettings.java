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
 * @param sessionIdleSeconds       a signed-in browser unused this long is signed out (issue 15)
 * @param sessionMaxSeconds        a browser session ends this long after sign-in, however used
 * @param loginFailuresPerName     failed sign-ins for one user name within the login window before 429
 * @param loginFailuresPerAddress  failed sign-ins from one address within the login window before 429
 * @param loginWindowSeconds       the window failed sign-ins are counted in
 */
public record HttpEdgeSettings(long headerTimeoutMs, long idleTimeoutMs, int maxJsonBodyBytes, int failedTokenLimit,
                               long failedTokenWindowSeconds, long sessionIdleSeconds, long sessionMaxSeconds,
                               int loginFailuresPerName, int loginFailuresPerAddress, long loginWindowSeconds) {

    public static final HttpEdgeSettings DEFAULT = new HttpEdgeSettings(10_000, 60_000, 64 * 1024, 10, 300,
            2 * 3600, 12 * 3600, 5, 20, 900);

    public HttpEdgeSettings(long headerTimeoutMs, long idleTimeoutMs, int maxJsonBodyBytes, int failedTokenLimit,
                            long failedTokenWindowSeconds) {
        this(headerTimeoutMs, idleTimeoutMs, maxJsonBodyBytes, failedTokenLimit, failedTokenWindowSeconds,
                DEFAULT.sessionIdleSeconds, DEFAULT.sessionMaxSeconds, DEFAULT.loginFailuresPerName,
                DEFAULT.loginFailuresPerAddress, DEFAULT.loginWindowSeconds);
    }

    public HttpEdgeSettings {
        if (sessionIdleSeconds <= 0 || sessionMaxSeconds <= 0 || loginFailuresPerName <= 0 || loginFailuresPerAddress <= 0
                || loginWindowSeconds <= 0) {
            throw new ConfigException("http: session and login limits must be positive");
        }
        if (headerTimeoutMs <= 0 || idleTimeoutMs <= 0 || failedTokenLimit <= 0 || failedTokenWindowSeconds <= 0) {
            throw new ConfigException("http: timeouts, failedTokenLimit and failedTokenWindowSeconds must be positive");
        }
        if (maxJsonBodyBytes < 1024) {
            throw new ConfigException("http: maxJsonBodyBytes must be at least 1024, got " + maxJsonBodyBytes);
        }
    }
}
