package vn.loa.server.tts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Any local program that reads the text on standard input and writes a WAV file (a neural voice installed
 * on the server, say). {@code argv} is a template: {voice}, {rate} (the 0.5–2.0 factor) and {out} (the WAV
 * to write) are replaced inside each argument; it is run directly, never through a shell.
 */
public record CommandEngine(List<String> argv, List<Voice> voices, Duration timeout) implements TtsEngine {

    public CommandEngine {
        if (argv == null || argv.isEmpty() || argv.stream().noneMatch(a -> a.contains("{out}"))) {
            throw new IllegalArgumentException("tts.command needs a program and an argument with {out}");
        }
        argv = List.copyOf(argv);
        voices = List.copyOf(voices);
    }

    @Override
    public String name() {
        return "command";
    }

    @Override
    public Path synthesize(String text, String voice, double rate, Path dir) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "command-", ".wav");
        String factor = String.format(Locale.ROOT, "%.2f", rate);
        List<String> command = argv.stream().map(a -> a.replace("{voice}", voice).replace("{rate}", factor)
                .replace("{out}", out.toString())).toList();
        try {
            Processes.run(command, text, dir, timeout);
            if (Files.size(out) == 0) {
                throw new SpeechFailed("tts_engine_failed", argv.get(0) + " wrote no audio");
            }
            return out;
        } catch (IOException | InterruptedException | RuntimeException e) {
            Files.deleteIfExists(out);
            throw e;
        }
    }
}
