package vn.loa.server.tts;

import java.util.List;
import java.util.Map;
import vn.loa.server.config.TtsSettings;

/** The engine server.yaml's tts block names, built once at start. */
final class Engines {
    private Engines() {
    }

    static TtsEngine from(TtsSettings s) {
        List<Voice> own = s.voices() == null || s.voices().isEmpty() ? List.of(new Voice("default", null, "default"))
                : s.voices().stream().map(v -> new Voice(v.id(), v.region(), v.label())).toList();
        return switch (s.engineName()) {
            case "command" -> new CommandEngine(s.command(), own, s.timeout());
            case "http" -> HttpEngine.of(s.url(), s.headers() == null ? Map.of() : s.headers(), own, s.timeout());
            default -> new EspeakEngine(s.espeakProgram(), s.timeout());
        };
    }
}
