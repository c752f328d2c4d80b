package vn.loa.server.tts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Something that turns (already normalised) text into a recording. Each call blocks its thread on a process
 * or a socket, so it is only ever called on {@link SpeechService}'s bounded pool.
 */
public sealed interface TtsEngine permits EspeakEngine, CommandEngine, HttpEngine {

    /** The speed people may ask for: a factor of the engine's normal speed. */
    double MIN_RATE = 0.5;
    double MAX_RATE = 2.0;

    String name();

    List<Voice> voices();

    /**
     * Speaks {@code text} into a new file in {@code dir} and returns it: WAV, or MP3 when an HTTP service
     * answers MP3 (the file name ends in .wav or .mp3 accordingly).
     *
     * @param rate a factor of the normal speed, {@link #MIN_RATE} to {@link #MAX_RATE}
     */
    Path synthesize(String text, String voice, double rate, Path dir) throws IOException, InterruptedException;
}
