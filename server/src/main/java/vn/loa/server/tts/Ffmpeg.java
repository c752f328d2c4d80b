package vn.loa.server.tts;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The two ffmpeg steps speech needs: joining the spoken pieces into one WAV, and encoding the result as
 * the library's MP3 (44.1 kHz mono 64 kbit/s, loudness normalised to −16 LUFS like every bulletin).
 */
public record Ffmpeg(String program, Duration timeout) {
    /** EBU R128 integrated loudness target of the library, with headroom for MP3's inter-sample peaks. */
    static final String LOUDNORM = "loudnorm=I=-16:TP=-1.5:LRA=11";
    static final int LIBRARY_RATE = 44_100;

    /** One WAV of the pieces in order, resampled alike (an HTTP service may answer MP3 at another rate). */
    void join(List<Path> parts, Path out, Path dir) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(program, "-hide_banner", "-loglevel", "error", "-y"));
        StringBuilder graph = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            argv.add("-i");
            argv.add(parts.get(i).toString());
            graph.append('[').append(i).append(":a]aresample=22050,aformat=sample_fmts=s16:channel_layouts=mono[p")
                    .append(i).append("];");
        }
        for (int i = 0; i < parts.size(); i++) {
            graph.append("[p").append(i).append(']');
        }
        graph.append("concat=n=").append(parts.size()).append(":v=0:a=1[out]");
        argv.addAll(List.of("-filter_complex", graph.toString(), "-map", "[out]", "-c:a", "pcm_s16le", out.toString()));
        Processes.run(argv, "", dir, timeout);
    }

    /** The library's MP3 of a WAV (or MP3) recording, at {@code sampleRate} (the library's is 44.1 kHz). */
    public void toLibraryMp3(Path in, Path out, Path dir, int sampleRate) throws IOException, InterruptedException {
        Processes.run(List.of(program, "-hide_banner", "-loglevel", "error", "-y", "-i", in.toString(),
                "-af", LOUDNORM, "-ar", Integer.toString(sampleRate), "-ac", "1", "-c:a", "libmp3lame", "-b:a", "64k",
                "-map_metadata", "-1", "-f", "mp3", out.toString()), "", dir, timeout);
    }

    /**
     * An MP3 for the preview player: at the speech's own sample rate (espeak-ng's 22.05 kHz) and without
     * the loudness pass, which together take the most time of a long text's preview; never for the library.
     */
    public void toPreviewMp3(Path in, Path out, Path dir) throws IOException, InterruptedException {
        Processes.run(List.of(program, "-hide_banner", "-loglevel", "error", "-y", "-i", in.toString(),
                "-ac", "1", "-c:a", "libmp3lame", "-b:a", "48k", "-f", "mp3", out.toString()), "", dir, timeout);
    }
}
