package vn.loa.server.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * server.yaml's {@code tts} block (issue 16); every key optional. Only data and its checks: the engines
 * themselves are built from it by the tts package.
 *
 * @param engine    espeak-ng (default), command or http
 * @param region    how numbers are read: north (default), south, north-nham
 * @param threads   speech jobs at once (processes or requests); the rest wait in a bounded queue
 * @param maxChars  the longest text accepted (default 5,000)
 * @param timeoutMs one piece's synthesis, one HTTP call, one ffmpeg step (default 60 s)
 * @param espeak    the espeak-ng program (default "espeak-ng" on the PATH)
 * @param ffmpeg    the ffmpeg program (default "ffmpeg")
 * @param command   argv template of the command engine: {voice} {rate} {out}, run without a shell
 * @param url       URL template of the http engine: {voice} {rate}
 * @param headers   headers sent to the http engine (an API key); never shown by the API
 * @param voices    the voices of the command or http engine; espeak-ng has its three Vietnamese ones
 */
public record TtsSettings(String engine, String region, Integer threads, Integer maxChars, Long timeoutMs,
                          String espeak, String ffmpeg, List<String> command, String url, Map<String, String> headers,
                          List<VoiceEntry> voices) {

    private static final Set<String> ENGINES = Set.of("espeak-ng", "espeak", "command", "http");
    private static final Set<String> REGIONS = Set.of("north", "south", "north-nham", "bac", "nam");
    /** After the sets above: the compact constructor reads them. */
    public static final TtsSettings DEFAULT = new TtsSettings(null, null, null, null, null, null, null, null, null,
            null, null);

    /** One voice of a command or http engine: {@code region} north, central or south names it in the console. */
    public record VoiceEntry(String id, String region, String label) {
    }

    public TtsSettings {
        String name = engine == null ? "espeak-ng" : engine;
        if (!ENGINES.contains(name)) {
            throw new ConfigException("server.yaml: tts.engine must be espeak-ng, command or http, not '" + engine + "'");
        }
        if (region != null && !REGIONS.contains(region.trim().toLowerCase(java.util.Locale.ROOT))) {
            throw new ConfigException("server.yaml: tts.region must be north, south or north-nham, not '" + region + "'");
        }
        if (name.equals("command") && (command == null || command.isEmpty() || command.stream().noneMatch(a -> a.contains("{out}")))) {
            throw new ConfigException("server.yaml: tts.command needs a program and an argument with {out}");
        }
        if (name.equals("http") && (url == null || !(url.startsWith("http://") || url.startsWith("https://")))) {
            throw new ConfigException("server.yaml: tts.url must be an http:// or https:// URL template");
        }
        if (threads != null && threads < 1 || maxChars != null && maxChars < 1 || timeoutMs != null && timeoutMs < 1) {
            throw new ConfigException("server.yaml: tts.threads, tts.maxChars and tts.timeoutMs must be positive");
        }
    }

    public String engineName() {
        return engine == null || engine.equals("espeak") ? "espeak-ng" : engine;
    }

    public int threadCount() {
        return threads == null ? Math.max(1, Runtime.getRuntime().availableProcessors()) : threads;
    }

    public int maxCharCount() {
        return maxChars == null ? 5_000 : maxChars;
    }

    public Duration timeout() {
        return Duration.ofMillis(timeoutMs == null ? 60_000 : timeoutMs);
    }

    public String espeakProgram() {
        return espeak == null ? "espeak-ng" : espeak;
    }

    public String ffmpegProgram() {
        return ffmpeg == null ? "ffmpeg" : ffmpeg;
    }
}
