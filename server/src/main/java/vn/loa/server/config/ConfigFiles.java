package vn.loa.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The shapes of the YAML files under config/, as Jackson reads them. Unknown keys are errors (typos). */
final class ConfigFiles {
    private ConfigFiles() {
    }

    /** server.yaml; every key optional. */
    record ServerFile(String bindAddress, Integer receiverPort, Integer httpPort, Long heartbeatIntervalMs,
                      Long handshakeTimeoutMs, Long commandTimeoutMs, Integer apiThreads, String dataDir,
                      String stationsFile, String secretsFile, String mediaDir, String attentionTone,
                      Integer emergencyVolume, Integer writeBufferLowBytes, Integer writeBufferHighBytes,
                      Integer sendBufferBytes, Database database, String quietHours, String localTimeZone,
                      Integer alertConfirmAboveCommunes, Long maxUploadBytes, Boolean publicMetrics, Http http,
                      ReceiverLimitsEntry receiverLimits, TlsEntry tls, TtsSettings tts, MediaBlock media) {
        static final ServerFile EMPTY = new ServerFile(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** server.yaml's media block: conversion and loudness (docs/content.md); every key optional. */
    record MediaBlock(String ffmpeg, Integer conversionThreads, Integer conversionQueue, Boolean reencodeMp3,
                      StationFormatEntry station, LoudnessEntry loudness) {
    }

    /** The station MP3 format. */
    record StationFormatEntry(Integer sampleRate, Integer channels, Integer bitrateKbps) {
    }

    record LoudnessEntry(Double targetLufs, Double truePeakDbtp) {
    }

    /** server.yaml's http block (timeouts, body limit, failed-token limit); every key optional. */
    record Http(Long headerTimeoutMs, Long idleTimeoutMs, Integer maxJsonBodyBytes, Integer failedTokenLimit,
                Long failedTokenWindowSeconds, Integer maxConnections, Integer maxConnectionsPerAddress,
                Long maxBodyBytesInFlight, Long minBodyBytesPerSecond, Long sessionIdleSeconds,
                Long sessionMaxSeconds, Integer loginFailuresPerName, Integer loginFailuresPerAddress,
                Long loginWindowSeconds) {
        HttpEdgeSettings settings() {
            HttpEdgeSettings d = HttpEdgeSettings.DEFAULT;
            return new HttpEdgeSettings(headerTimeoutMs != null ? headerTimeoutMs : d.headerTimeoutMs(),
                    idleTimeoutMs != null ? idleTimeoutMs : d.idleTimeoutMs(),
                    maxJsonBodyBytes != null ? maxJsonBodyBytes : d.maxJsonBodyBytes(),
                    failedTokenLimit != null ? failedTokenLimit : d.failedTokenLimit(),
                    failedTokenWindowSeconds != null ? failedTokenWindowSeconds : d.failedTokenWindowSeconds(),
                    maxConnections != null ? maxConnections : d.maxConnections(),
                    maxConnectionsPerAddress != null ? maxConnectionsPerAddress : d.maxConnectionsPerAddress(),
                    maxBodyBytesInFlight != null ? maxBodyBytesInFlight : d.maxBodyBytesInFlight(),
                    minBodyBytesPerSecond != null ? minBodyBytesPerSecond : d.minBodyBytesPerSecond(),
                    sessionIdleSeconds != null ? sessionIdleSeconds : d.sessionIdleSeconds(),
                    sessionMaxSeconds != null ? sessionMaxSeconds : d.sessionMaxSeconds(),
                    loginFailuresPerName != null ? loginFailuresPerName : d.loginFailuresPerName(),
                    loginFailuresPerAddress != null ? loginFailuresPerAddress : d.loginFailuresPerAddress(),
                    loginWindowSeconds != null ? loginWindowSeconds : d.loginWindowSeconds());
        }
    }

    /** server.yaml's receiverLimits block; every key optional. */
    record ReceiverLimitsEntry(Integer preAuthConnections, Integer preAuthPerAddress, Integer statusPerSecond,
                               Integer historyRowsPerMinute) {
    }

    /** server.yaml's tls block: files relative to the configuration directory. */
    record TlsEntry(String certificate, String privateKey, Boolean receivers, Boolean http) {
    }

    /** server.yaml's database block; every key optional. */
    record Database(String url, String user, String password, Integer poolSize) {
        static final Database NONE = new Database(null, null, null, null);
    }

    /** stations.yaml: the administrative tree and the stations in it. */
    record StationsFile(List<AreaEntry> areas, List<StationEntry> stations) {
    }

    record AreaEntry(String id, String name, String level, String quietHours, Integer airtimeCapMinutes,
                     List<AreaEntry> children) {
    }

    record StationEntry(String id, String name, String area, List<String> tags,
                        @JsonProperty("lat") Double latitude, @JsonProperty("lon") Double longitude,
                        Boolean enabled) {
    }
}
