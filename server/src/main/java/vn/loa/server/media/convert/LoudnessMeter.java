package vn.loa.server.media.convert;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures a file with ffmpeg's EBU R128 meter ({@code ebur128=peak=true}): integrated loudness, its
 * gate threshold, loudness range and true peak, read from the meter's summary (about four times
 * quicker than loudnorm's analysing pass, which resamples to 192 kHz), and says how to apply a gain.
 */
public final class LoudnessMeter {
    private static final Pattern INTEGRATED = Pattern.compile("I:\\s+(-?[0-9.]+|-inf) LUFS\\s+Threshold:\\s+(-?[0-9.]+|-inf) LUFS");
    private static final Pattern RANGE = Pattern.compile("LRA:\\s+(-?[0-9.]+) LU");
    private static final Pattern PEAK = Pattern.compile("Peak:\\s+(-?[0-9.]+|-inf) dBFS");
    /** The meter's floor: what it reports for silence, which has no loudness. */
    private static final double SILENCE = -69.9;
    private final Ffmpeg ffmpeg;
    private final ConversionSettings settings;

    /** What the meter found; {@code integrated} is null for silence. */
    public record Measured(Double integrated, double truePeak, double range, double threshold) {
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
        Ffmpeg.Result run = ffmpeg.run(List.of("-i", file.toString(), "-vn", "-af", "ebur128=peak=true:framelog=verbose",
                "-f", "null", "-"), progress);
        if (run.exit() != 0) {
            throw new Undecodable(run.reason());
        }
        String err = run.stderr();
        int summary = err.lastIndexOf("Summary:");
        Matcher i = INTEGRATED.matcher(err);
        Matcher lra = RANGE.matcher(err);
        Matcher peak = PEAK.matcher(err);
        if (summary < 0 || !i.find(summary) || !lra.find(summary) || !peak.find(summary)) {
            throw new Undecodable("no audio could be measured: " + run.reason());
        }
        double integrated = number(i.group(1));
        return new Measured(integrated > SILENCE ? integrated : null, Math.max(-99, number(peak.group(1))),
                number(lra.group(1)), Math.max(-99, number(i.group(2))));
    }

    /**
     * The filter that applies {@code gainDb}: a plain volume change where the input's true peak plus the
     * gain stays half a decibel under the ceiling (room for the MP3 encoder's overshoot, which the input
     * cannot show); otherwise the same gain followed by a limiter run at four times the station rate, so
     * it sees the peaks between samples too and holds the true peak under the ceiling.
     */
    String gainFilter(double gainDb, double inputTruePeak, int stationRate) {
        double ceiling = settings.truePeakDbtp() - 0.5;
        String volume = String.format(Locale.ROOT, "volume=%.2fdB", gainDb);
        if (inputTruePeak + gainDb <= ceiling) {
            return volume;
        }
        return String.format(Locale.ROOT, "aresample=%d,%s,alimiter=limit=%.4f:attack=5:release=50:level=false,aresample=%d",
                stationRate * 4, volume, Math.pow(10, ceiling / 20), stationRate);
    }

    private static double number(String text) {
        if (text.endsWith("inf")) {
            return text.startsWith("-") ? -99 : 99;
        }
        return Double.parseDouble(text);
    }
}
