package vn.loa.server.config;

import java.nio.file.Path;
import java.time.ZoneId;
import vn.loa.server.media.convert.ConversionSettings;
import vn.loa.server.station.QuietHours;

/**
 * The server's settings after defaults, server.yaml and the command line have been applied, in that order.
 *
 * @param receiverPort        TCP port for receivers; 0 picks a free one
 * @param httpPort            HTTP API port; 0 picks a free one
 * @param heartbeatIntervalMs N of docs/protocol.md: receivers report at least this often
 * @param mediaDir            the programme library (MP3 and M3U/M3U8)
 * @param attentionTone       library path of the tone that may precede an emergency, or null
 * @param emergencyVolume     volume receivers are forced to for EMERGENCY sessions
 * @param writeBufferHighBytes unsent bytes above which a receiver counts as lagging and audio is skipped
 * @param sendBufferBytes     the kernel send buffer per receiver socket; 0 leaves the system default
 * @param databaseUrl         JDBC URL: an H2 file in the data directory by default, or PostgreSQL
 * @param quietHours          silence for automatic programmes, unless an area sets its own
 * @param localZone           the zone quiet hours are read in
 * @param alertConfirmAboveCommunes a LIVE alert reaching more communes than this needs a second officer's confirmation
 * @param maxUploadBytes      the largest MP3 POST /api/media accepts
 * @param publicMetrics       whether /metrics answers without a token (for a Prometheus on a trusted network)
 * @param http                the HTTP edge's timeouts and limits
 * @param receiverLimits      caps on receivers before and after the handshake
 * @param tls                 TLS on the receiver and HTTP ports, or {@link TlsSettings#OFF}
 * @param tts                 text to speech: engine, voices, number reading region, limits (issue 16)
 * @param media               conversion and loudness of uploads (server.yaml's media block)
 */
public record ServerSettings(String bindAddress, int receiverPort, int httpPort, long heartbeatIntervalMs,
                             long handshakeTimeoutMs, long commandTimeoutMs, int apiThreads, Path configDir,
                             Path dataDir, Path stationsFile, Path secretsFile, Path mediaDir,
                             String attentionTone, int emergencyVolume, int writeBufferLowBytes,
                             int writeBufferHighBytes, int sendBufferBytes, String databaseUrl,
                             String databaseUser, String databasePassword, int databasePoolSize,
                             QuietHours quietHours, ZoneId localZone, int alertConfirmAboveCommunes,
                             long maxUploadBytes, boolean publicMetrics, HttpEdgeSettings http,
                             ReceiverLimits receiverLimits, TlsSettings tls, TtsSettings tts, ConversionSettings media) {

    public static final int DEFAULT_RECEIVER_PORT = 7700;
    public static final int DEFAULT_HTTP_PORT = 8080;

    public ServerSettings {
        requirePort(receiverPort, "receiverPort");
        requirePort(httpPort, "httpPort");
        requirePositive(heartbeatIntervalMs, "heartbeatIntervalMs");
        requirePositive(handshakeTimeoutMs, "handshakeTimeoutMs");
        requirePositive(commandTimeoutMs, "commandTimeoutMs");
        requirePositive(apiThreads, "apiThreads");
        if (writeBufferLowBytes <= 0 || writeBufferHighBytes < writeBufferLowBytes || sendBufferBytes < 0) {
            throw new ConfigException("write buffer marks must satisfy 0 < low <= high, got " + writeBufferLowBytes
                    + " and " + writeBufferHighBytes + "; sendBufferBytes must not be negative");
        }
        if (emergencyVolume < 0 || emergencyVolume > 100) {
            throw new ConfigException("emergencyVolume must be 0..100, got " + emergencyVolume);
        }
        if (alertConfirmAboveCommunes < 0 || maxUploadBytes < 1024) {
            throw new ConfigException("alertConfirmAboveCommunes must be 0 or more, maxUploadBytes at least 1024");
        }
        if (heartbeatIntervalMs > 0xFFFF_FFFFL) {
            throw new ConfigException("heartbeatIntervalMs " + heartbeatIntervalMs + " does not fit the protocol's u32");
        }
    }

    /** 1.5 × N: how long the server waits for any frame before it calls a station offline. */
    public long offlineAfterMs() {
        return heartbeatIntervalMs * 3 / 2;
    }

    public ServerSettings withPorts(int receiver, int http) {
        return new ServerSettings(bindAddress, receiver, http, heartbeatIntervalMs, handshakeTimeoutMs,
                commandTimeoutMs, apiThreads, configDir, dataDir, stationsFile, secretsFile, mediaDir, attentionTone,
                emergencyVolume, writeBufferLowBytes, writeBufferHighBytes, sendBufferBytes, databaseUrl, databaseUser,
                databasePassword, databasePoolSize, quietHours, localZone, alertConfirmAboveCommunes, maxUploadBytes,
                publicMetrics, this.http, receiverLimits, tls, tts, media);
    }

    private static void requirePort(int port, String name) {
        if (port < 0 || port > 65_535) {
            throw new ConfigException(name + " " + port + " is not a TCP port (0..65535, 0 = pick a free one)");
        }
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new ConfigException(name + " must be positive, got " + value);
        }
    }
}
