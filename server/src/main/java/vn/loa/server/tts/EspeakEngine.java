package vn.loa.server.tts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * espeak-ng, the default: installed with the server's Debian packages, offline, three Vietnamese voices.
 * The rate factor becomes words per minute around espeak-ng's own normal speed (175 wpm; 0.5 = 88, 2.0 =
 * 350), so every engine takes the same 0.5–2.0 factor.
 */
public record EspeakEngine(String program, Duration timeout) implements TtsEngine {
    static final int NORMAL_WPM = 175;
    static final List<Voice> VOICES = List.of(new Voice("vi", "north", "Vietnamese (Northern)"),
            new Voice("vi-VN-x-central", "central", "Vietnamese (Central)"),
            new Voice("vi-VN-x-south", "south", "Vietnamese (Southern)"));

    @Override
    public String name() {
        return "espeak-ng";
    }

    @Override
    public List<Voice> voices() {
        return VOICES;
    }

    @Override
    public Path synthesize(String text, String voice, double rate, Path dir) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "espeak-", ".wav");
        int wpm = (int) Math.round(NORMAL_WPM * rate);
        // -b 1: the input is UTF-8 whatever the locale; --stdin reads the whole text, not line by line.
        try {
            Processes.run(List.of(program, "-b", "1", "-v", voice, "-s", Integer.toString(wpm), "-w", out.toString(),
                    "--stdin"), text, dir, timeout);
            return out;
        } catch (IOException | InterruptedException | RuntimeException e) {
            Files.deleteIfExists(out);
            throw e;
        }
    }
}
