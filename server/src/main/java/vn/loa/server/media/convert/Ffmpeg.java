package vn.loa.server.media.convert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ffmpeg program, run as a process: found once at start (on PATH or where server.yaml says), never
 * linked in. A run reports its progress as a share of the input's duration, read from
 * {@code -progress pipe:1} on stdout while stderr is drained beside it, so neither pipe fills and stalls it.
 */
public final class Ffmpeg {
    private static final Pattern DURATION = Pattern.compile("Duration: (\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)");
    /** A 64 MiB file takes well under this on a small board; a hung process must not hold a pool thread for ever. */
    private static final long TIMEOUT_MINUTES = 20;
    private final Path program;
    private final String missing;

    /** What a run left behind: its exit status and stderr (the reason when it failed, loudnorm's figures). */
    public record Result(int exit, String stderr) {
        /** The last lines of stderr that say something, as the reason a file could not be read. */
        public String reason() {
            String[] lines = stderr.strip().split("\n");
            StringBuilder out = new StringBuilder();
            for (int i = Math.max(0, lines.length - 2); i < lines.length; i++) {
                out.append(out.length() > 0 ? " " : "").append(lines[i].strip());
            }
            String text = out.toString();
            return text.length() > 300 ? text.substring(text.length() - 300) : text;
        }
    }

    /** A run that could not start or did not end in time. */
    public static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    public Ffmpeg(String configured) {
        Path found = locate(configured);
        this.program = found;
        this.missing = found == null ? "ffmpeg was not found (" + configured + "); install the Debian package ffmpeg "
                + "or set media.ffmpeg in server.yaml" : null;
    }

    public boolean available() {
        return program != null;
    }

    /** Why conversion is off, or null when ffmpeg is there. */
    public String missingReason() {
        return missing;
    }

    /**
     * Runs ffmpeg with these arguments (after its own quiet, progress-reporting ones); blocking.
     *
     * @param progress told the share done, 0..1, as ffmpeg reports it (not at all when the input has no duration)
     */
    public Result run(List<String> args, DoubleConsumer progress) throws Failed {
        if (program == null) {
            throw new Failed(missing);
        }
        List<String> command = new ArrayList<>(List.of(program.toString(), "-hide_banner", "-nostdin", "-nostats",
                "-y", "-progress", "pipe:1"));
        command.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new Failed("ffmpeg could not start: " + e.getMessage());
        }
        AtomicLong durationMicros = new AtomicLong();
        StringBuffer stderr = new StringBuffer();
        Thread drain = new Thread(() -> drainErrors(process, stderr, durationMicros), "ffmpeg-stderr");
        drain.setDaemon(true);
        drain.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                long total = durationMicros.get();
                if (line.startsWith("out_time_us=") && total > 0) {
                    try {
                        progress.accept(Math.min(1.0, Math.max(0, Long.parseLong(line.substring(12)) / (double) total)));
                    } catch (NumberFormatException e) {
                        // "N/A" before the first frame: nothing to report yet
                    }
                }
            }
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new Failed("ffmpeg did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
            drain.join(TimeUnit.SECONDS.toMillis(10));
        } catch (IOException e) {
            process.destroyForcibly();
            throw new Failed("ffmpeg's output could not be read: " + e.getMessage());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new Failed("interrupted while ffmpeg ran");
        }
        return new Result(process.exitValue(), stderr.toString());
    }

    /** Keeps stderr (bounded: the first and the last lines matter) and notes the input's duration when it shows. */
    private static void drainErrors(Process process, StringBuffer into, AtomicLong durationMicros) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                Matcher m = DURATION.matcher(line);
                if (durationMicros.get() == 0 && m.find()) {
                    durationMicros.set((long) ((Long.parseLong(m.group(1)) * 3600 + Long.parseLong(m.group(2)) * 60
                            + Double.parseDouble(m.group(3))) * 1_000_000));
                }
                if (into.length() > 256 * 1024) {
                    into.delete(0, 128 * 1024);
                }
                into.append(line).append('\n');
            }
        } catch (IOException e) {
            into.append("stderr unreadable: ").append(e.getMessage());
        }
    }

    private static Path locate(String configured) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        if (configured.contains("/")) {
            Path p = Path.of(configured);
            return Files.isExecutable(p) && Files.isRegularFile(p) ? p : null;
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, configured);
            if (Files.isExecutable(p) && Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
