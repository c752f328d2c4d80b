package vn.loa.server.media.convert;

import java.util.Map;

/**
 * Why a recording did not become a library item, with the stable code the console translates and the
 * values it names. {@code kind} picks the HTTP status where an API answers.
 */
public final class ConversionRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** ffmpeg could not decode it (422). */
        UNDECODABLE,
        /** the server cannot convert this format at all (415): no ffmpeg, or a format it does not take. */
        UNSUPPORTED,
        /** every conversion slot and the queue are taken (503). */
        BUSY,
        /** ffmpeg failed for a reason of its own, not the file's (500). */
        FAILED
    }

    private final Kind kind;
    private final String code;
    private final transient Map<String, String> params;

    public ConversionRefused(Kind kind, String code, String message, Map<String, String> params) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.params = Map.copyOf(params);
    }

    /** ffmpeg could not read the upload; {@code reason} is ffmpeg's own last words. */
    static ConversionRefused undecodable(String file, String reason) {
        return new ConversionRefused(Kind.UNDECODABLE, "audio_undecodable", file + " is not audio ffmpeg can read: "
                + reason, Map.of("file", file, "reason", reason));
    }

    static ConversionRefused ffmpegMissing(String file, String why) {
        return new ConversionRefused(Kind.UNSUPPORTED, "ffmpeg_missing", file + " needs converting and " + why,
                Map.of("file", file));
    }

    static ConversionRefused busy(int waiting) {
        return new ConversionRefused(Kind.BUSY, "conversion_busy", "every conversion slot is taken and " + waiting
                + " files are waiting; try again in a minute", Map.of());
    }

    static ConversionRefused failed(String reason) {
        return new ConversionRefused(Kind.FAILED, "conversion_failed", "conversion failed: " + reason,
                Map.of("reason", String.valueOf(reason)));
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Map<String, String> params() {
        return params;
    }
}
