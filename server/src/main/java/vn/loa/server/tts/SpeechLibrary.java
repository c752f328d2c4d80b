package vn.loa.server.tts;

import java.nio.file.Path;
import vn.loa.server.auth.Principal;
import vn.loa.server.media.MediaEntry;

/**
 * Where spoken recordings become library entries. Blocking (ffmpeg, disk): called on the speech pool.
 * Issue 16's AudioIngest (conversion, loudness, library add for any recording) can stand in for
 * {@link UploadedSpeech} once both are on one branch.
 */
public interface SpeechLibrary {

    /**
     * Adds the recording under {@code name} (an .mp3 library name) for {@code who}, with the rights of an
     * upload; the refusals of an upload ({@code name_taken}, {@code invalid_file_name} ...) pass through.
     */
    default MediaEntry add(Path wav, String name, Principal who) {
        return add(wav, name, who, null, null);
    }

    /**
     * The same at another sample rate than the library's 44.1 kHz, in a named area: an alert's speech airs
     * in one session with the attention tone, and a session plays one sample rate, so it takes the tone's;
     * an officer over several communes must say which area a new item belongs to.
     *
     * @param sampleRate null for the library's own
     * @param area       null for the speaker's own area (as an upload without ?area=)
     */
    MediaEntry add(Path wav, String name, Principal who, Integer sampleRate, String area);

    /** Removes a recording this made and nothing uses yet (the draft it was made for was refused). */
    void remove(String path, Principal who);
}
