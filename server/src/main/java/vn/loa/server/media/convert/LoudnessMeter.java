package vn.loa.server.media.convert;

import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures a file with ffmpeg's loudnorm filter in its analysing pass ({@code print_format=json}):
 * integrated loudness, true peak, loudness range and gate threshold, the four figures the second,
 * normalising pass needs to apply one linear gain instead of riding the level.
 */
public final class LoudnessMeter {
    private static final Pattern FIGURE = Pattern.compile("\"(input_i|input_tp|input_lra|input_thresh|target_offset)\"\\s*:\\s*\"([^\"]*)\"");
    private final Ffmpeg ffmpeg;
    private final ConversionSettings settings;

    /** What the analysing pass found; {@code integrated} is null for silence (-inf). */
    public record Measured(Double integrated, double truePeak, double range, double threshold, double offset) {
    }

    /** ffmpeg could not read the input: the reason, in ffmpeg's own words. */
    public static final class Undecodable extends Exception {
        private static final long serialVersionUID = 1L;

        Undecodable(String reason) {
            super(reason);
        }
    }

    public LoudnessMeter(Ffmpeg ffmpeg, ConversionSettings settings) {
        this.ffmpeg = ffmpeg;
        this.settings = settings;
    }

    public Measured measure(Path file, DoubleConsumer progress) throws Undecodable, Ffmpeg.Failed {
        Ffmpeg.Result run = ffmpeg.run(List.of("-i", file.toString(), "-vn", "-af", filter(null), "-f", "null", "-"),
                progress);
        if (run.exit() != 0) {
            throw new Undecodable(run.reason());
        }
        int json = run.stderr().lastIndexOf("\"input_i\"");
        if (json < 0) {
            throw new Undecodable("no audio could be measured: " + run.reason());
        }
        Matcher m = FIGURE.matcher(run.stderr().substring(json));
        Double i = null;
        double tp = -99;
        double lra = 0;
        double thresh = -70;
        double offset = 0;
        while (m.find()) {
            double value = number(m.group(2));
            switch (m.group(1)) {
                case "input_i" -> i = Double.isFinite(value) ? value : null;
                case "input_tp" -> tp = Double.isFinite(value) ? value : -99;
                case "input_lra" -> lra = Double.isFinite(value) ? value : 0;
                case "input_thresh" -> thresh = Double.isFinite(value) ? value : -70;
                default -> offset = Double.isFinite(value) ? value : 0;
            }
        }
        return new Measured(i, tp, lra, thresh, offset);
    }

    /**
     * The loudnorm filter: analysing when {@code measured} is null, otherwise normalising with one linear
     * gain. loudnorm keeps the gain linear while the true peak allows it and limits the peaks (its
     * look-ahead true-peak limiter) where it would not; LRA 20 keeps speech's natural range untouched.
     */
    String filter(Measured measured) {
        String base = String.format(java.util.Locale.ROOT, "loudnorm=I=%.1f:TP=%.1f:LRA=20", settings.targetLufs(),
                settings.truePeakDbtp());
        if (measured == null) {
            return base + ":print_format=json";
        }
        return base + String.format(java.util.Locale.ROOT,
                ":measured_I=%.2f:measured_TP=%.2f:measured_LRA=%.2f:measured_thresh=%.2f:offset=%.2f:linear=true",
                measured.integrated(), measured.truePeak(), measured.range(), measured.threshold(), measured.offset());
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return Double.NEGATIVE_INFINITY;
        }
    }
}
