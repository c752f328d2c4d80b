package vn.loa.server.tts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The speech work directory's temporary files, and blocking steps run with their checked exceptions unchecked. */
final class WorkFiles {
    private WorkFiles() {
    }

    /** The work directory holds only this service's temporary files: what a crash left there goes at start. */
    static void sweep(Path workDir) {
        if (!Files.isDirectory(workDir)) {
            return;
        }
        try (var files = Files.list(workDir)) {
            files.filter(Files::isRegularFile).forEach(WorkFiles::delete);
        } catch (IOException e) {
            // unreadable: the files stay, harmless; speech then fails on the same directory and says why
        }
    }

    interface IoWork<T> {
        T run() throws IOException, InterruptedException;
    }

    static <T> T io(IoWork<T> work) {
        try {
            return work.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechFailed("tts_engine_failed", "interrupted");
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file in the work directory; the next start's sweep takes it
        }
    }
}
