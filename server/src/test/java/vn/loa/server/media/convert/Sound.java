package vn.loa.server.media.convert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test sounds made and measured with the real ffmpeg, as an operator's phone and ear would. */
final class Sound {
    private static final Pattern INTEGRATED = Pattern.compile("\"input_i\"\\s*:\\s*\"([^\"]+)\"");

    private Sound() {
    }

    /** Runs ffmpeg quietly; returns its stderr, failing the test if it exits non-zero. */
    static String ffmpeg(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-nostats", "-y"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg " + String.join(" ", args) + " failed: " + err);
        }
        return err;
    }

    /**
     * A sound of {@code seconds} from an ffmpeg lavfi source ("sine=frequency=440", "anoisesrc=color=pink:amplitude=0.1")
     * at a gain, written with these output options (codec, rate) to {@code out}.
     */
    static Path make(Path out, String source, double seconds, String gainDb, String... outputOptions)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", source + ":duration=" + seconds,
                "-af", "volume=" + gainDb));
        args.addAll(List.of(outputOptions));
        args.add(out.toString());
        ffmpeg(args.toArray(String[]::new));
        return out;
    }

    /** EBU R128 integrated loudness, as ffmpeg measures it. */
    static double lufs(Path file) throws IOException, InterruptedException {
        String err = ffmpeg("-i", file.toString(), "-af", "loudnorm=print_format=json", "-f", "null", "-");
        Matcher m = INTEGRATED.matcher(err);
        if (!m.find()) {
            throw new IllegalStateException("no loudness for " + file + ": " + err);
        }
        return Double.parseDouble(m.group(1));
    }

    /** What ffmpeg complains about while decoding the whole file; empty for a clean file. */
    static String decodeErrors(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-nostdin", "-i", file.toString(), "-f", "null", "-")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(5, TimeUnit.MINUTES);
        return p.exitValue() == 0 ? err.strip() : "exit " + p.exitValue() + ": " + err;
    }
}
