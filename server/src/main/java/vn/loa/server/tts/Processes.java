package vn.loa.server.tts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a local program with its argument vector as given: no shell, so nothing in a text or a voice name
 * is ever interpreted as a command. Input comes from a file and errors go to one, so no pipe can fill
 * and hang the program.
 */
final class Processes {
    private Processes() {
    }

    static void run(List<String> argv, String stdin, Path dir, Duration timeout) throws IOException, InterruptedException {
        Path input = Files.createTempFile(dir, "in-", ".txt");
        Path errors = Files.createTempFile(dir, "err-", ".txt");
        try {
            Files.writeString(input, stdin == null ? "" : stdin, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(argv).redirectInput(input.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(errors.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new SpeechFailed("tts_timeout", argv.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                String said = Files.readString(errors, StandardCharsets.UTF_8).strip();
                throw new SpeechFailed("tts_engine_failed", argv.get(0) + " exited with " + process.exitValue()
                        + (said.isEmpty() ? "" : ": " + said.substring(0, Math.min(300, said.length()))));
            }
        } finally {
            Files.deleteIfExists(input);
            Files.deleteIfExists(errors);
        }
    }
}
