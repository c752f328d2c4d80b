package vn.loa.server.media.convert;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * One ffmpeg pass from whatever came in to the station MP3, the loudness gain applied on the way: the
 * audio is decoded, normalised, resampled and mixed down once, and encoded once, so there is one
 * generation of coding loss and no more. Tags and pictures are left behind; the library keeps titles.
 */
final class StationEncoder {
    private final Ffmpeg ffmpeg;
    private final ConversionSettings settings;
    private final LoudnessMeter meter;

    StationEncoder(Ffmpeg ffmpeg, ConversionSettings settings, LoudnessMeter meter) {
        this.ffmpeg = ffmpeg;
        this.settings = settings;
        this.meter = meter;
    }

    /**
     * @param gainDb        null: no gain (silence has no loudness to correct)
     * @param inputTruePeak the input's true peak, which decides whether a limiter is needed
     */
    void encode(Path input, Double gainDb, double inputTruePeak, Path output, DoubleConsumer progress)
            throws LoudnessMeter.Undecodable, Ffmpeg.Failed {
        StationFormat f = settings.station();
        List<String> args = new ArrayList<>(List.of("-i", input.toString(), "-vn", "-map_metadata", "-1"));
        if (gainDb != null) {
            args.addAll(List.of("-af", meter.gainFilter(gainDb, inputTruePeak, f.sampleRate())));
        }
        args.addAll(List.of("-ac", String.valueOf(f.channels()), "-ar", String.valueOf(f.sampleRate()),
                "-c:a", "libmp3lame", "-b:a", f.bitrateKbps() + "k", "-f", "mp3", output.toString()));
        Ffmpeg.Result run = ffmpeg.run(args, progress);
        if (run.exit() != 0) {
            throw new LoudnessMeter.Undecodable(run.reason());
        }
    }
}
