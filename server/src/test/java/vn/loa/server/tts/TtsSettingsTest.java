package vn.loa.server.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.config.CommandLine;
import vn.loa.server.config.ConfigException;
import vn.loa.server.config.ConfigLoader;
import vn.loa.server.config.TtsSettings;

/** server.yaml's tts block: read into the engine it names; a wrong engine, command, URL or region stops the start. */
class TtsSettingsTest {
    private static final String STATIONS = """
            areas:
              - {id: p, name: P, level: province, children: [{id: c, name: C, level: commune}]}
            stations: []
            """;
    @TempDir
    Path dir;

    @Test
    void aCommandEngineWithItsVoicesIsRead() throws Exception {
        TtsSettings s = load("""
                tts:
                  engine: command
                  command: [/opt/tts/speak, --voice, "{voice}", --out, "{out}"]
                  voices: [{id: nu-nam, region: south, label: Nữ miền Nam}]
                  region: south
                  threads: 3
                  maxChars: 2000
                """);
        assertEquals(3, s.threadCount());
        assertEquals(2000, s.maxCharCount());
        TtsEngine engine = Engines.from(s);
        assertTrue(engine instanceof CommandEngine);
        assertEquals("[Voice[id=nu-nam, region=south, label=Nữ miền Nam]]", engine.voices().toString());
    }

    @Test
    void withoutABlockEspeakNgSpeaksTheNorthernReading() throws Exception {
        TtsSettings s = load("quietHours: none\n");
        assertTrue(Engines.from(s) instanceof EspeakEngine);
        assertEquals(5000, s.maxCharCount());
        assertEquals(60_000, s.timeout().toMillis());
    }

    @Test
    void mistakesStopTheStart() {
        assertProblem("tts: {engine: festival}\n", "tts.engine must be espeak-ng, command or http");
        assertProblem("tts: {engine: command, command: [speak]}\n", "tts.command needs a program and an argument with {out}");
        assertProblem("tts: {engine: http, url: 'ftp://x/{voice}'}\n", "tts.url must be an http:// or https:// URL");
        assertProblem("tts: {region: central-highlands}\n", "tts.region must be north, south or north-nham");
        assertProblem("tts: {threads: 0}\n", "must be positive");
        assertProblem("tts: {voice: vi}\n", "voice");
    }

    private void assertProblem(String yaml, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private TtsSettings load(String serverYaml) throws Exception {
        Files.writeString(dir.resolve("stations.yaml"), STATIONS);
        Files.writeString(dir.resolve("server.yaml"), serverYaml);
        return new ConfigLoader().load(CommandLine.parse("--config", dir.toString(), "--data", dir.resolve("data").toString()))
                .settings().tts();
    }
}
