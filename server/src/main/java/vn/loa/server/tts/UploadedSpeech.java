package vn.loa.server.tts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.loa.server.auth.Principal;
import vn.loa.server.media.LibraryOwners;
import vn.loa.server.media.MediaEntry;
import vn.loa.server.media.MediaLibrary;
import vn.loa.server.media.MediaUploads;
import vn.loa.server.media.convert.AudioIngest;
import vn.loa.server.policy.LibraryGuard;

/**
 * Speech into the library exactly as an upload goes: encoded to the library's MP3 (loudness −16 LUFS),
 * then through {@link MediaUploads} (judged like any MP3, atomic rename) under the {@link LibraryGuard}
 * (the speaker's area, a name that exists is refused, not replaced). At the library's own rate it goes
 * through {@link AudioIngest} when there is one, the one path every recording takes into the library.
 */
public record UploadedSpeech(MediaLibrary library, MediaUploads uploads, LibraryGuard guard, Ffmpeg ffmpeg,
                             Path workDir, AudioIngest ingest) implements SpeechLibrary {

    @Override
    public void remove(String path, Principal who) {
        guard.remove(who, LibraryOwners.Kind.MEDIA, path, () -> library.entry(path).isPresent(), () -> {
            uploads.delete(path);
            return null;
        });
    }

    @Override
    public MediaEntry add(Path wav, String name, Principal who, Integer sampleRate, String area) {
        if (sampleRate == null && ingest != null) {
            // At the library's own rate speech is a recording like any other: one conversion, measured and
            // brought to the loudness target by a gain (loudnorm's own pass was most of a long text's time).
            return ingest.ingest(wav, name, who, area, false);
        }
        Path mp3 = null;
        try {
            mp3 = Files.createTempFile(Files.createDirectories(workDir), "library-", ".mp3");
            ffmpeg.toLibraryMp3(wav, mp3, workDir, sampleRate == null ? Ffmpeg.LIBRARY_RATE : sampleRate);
            byte[] bytes = Files.readAllBytes(mp3);
            return guard.change(who, LibraryOwners.Kind.MEDIA, name, () -> library.entry(name).isPresent(), area,
                    () -> uploads.store(name, bytes, false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechFailed("tts_engine_failed", "interrupted while encoding");
        } finally {
            if (mp3 != null) {
                WorkFiles.delete(mp3);
            }
        }
    }
}
