package vn.loa.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.station.StationDefinition;

class ConfigLoaderTest {
    private static final String AREAS = """
            areas:
              - id: p
                name: Tỉnh
                children:
                  - id: c
                    name: Xã
                    children:
                      - {id: c.v1, name: Thôn 1}
            """;

    @Test
    void theShippedDemoConfigurationLoads() {
        ConfigLoader.Loaded loaded = new ConfigLoader().load(CommandLine.parse("--config", "../config"));
        assertEquals(21, loaded.directory().stations().size());
        assertEquals(20, loaded.directory().stations().stream().filter(StationDefinition::enabled).count());
        StationDefinition s = loaded.directory().station("tra-leng-01").orElseThrow();
        assertTrue(loaded.directory().isWithin(s, "nam-tra-my"));
        assertTrue(loaded.directory().isWithin(s, "tra-leng"));
        assertFalse(loaded.directory().isWithin(s, "tra-mai"));
        assertTrue(loaded.secrets().has("tra-leng-01"));
        assertEquals(7700, loaded.settings().receiverPort());
    }

    @Test
    void commandLineOverridesTheFile(@TempDir Path dir) throws Exception {
        write(dir, "server.yaml", "receiverPort: 9000\nhttpPort: 9001\n");
        write(dir, "stations.yaml", AREAS + "stations: []\n");
        ServerSettings s = new ConfigLoader().load(CommandLine.parse("--config", dir.toString(), "--http-port", "0",
                "--data", dir.resolve("d").toString())).settings();
        assertEquals(9000, s.receiverPort());
        assertEquals(0, s.httpPort());
        assertEquals(dir.resolve("d"), s.dataDir());
    }

    @Test
    void areaDepthIsWhateverTheDataSays(@TempDir Path dir) throws Exception {
        write(dir, "stations.yaml", AREAS + "stations:\n  - {id: a1, name: A, area: c.v1}\n  - {id: a2, name: B, area: p}\n");
        ConfigLoader.Loaded loaded = new ConfigLoader().load(CommandLine.parse("--config", dir.toString()));
        assertEquals(3, loaded.directory().pathTo("c.v1").size());
        assertEquals(1, loaded.directory().pathTo("p").size());
    }

    @Test
    void mistakesAreReportedWithFileEntryAndProblem(@TempDir Path dir) throws Exception {
        assertProblem(dir, AREAS + "stations:\n  - {id: a, name: A, area: c}\n  - {id: a, name: B, area: c}\n",
                "stations[1] (a): station id appears twice");
        assertProblem(dir, AREAS + "stations:\n  - {id: a, name: A, area: nowhere}\n",
                "area 'nowhere' is not in the areas tree");
        assertProblem(dir, AREAS + "stations:\n  - {id: a, name: A, area: c, lat: 95}\n", "lat 95.0 is outside -90..90");
        assertProblem(dir, AREAS + "stations:\n  - {id: 'a b', name: A, area: c}\n", "id must be");
        assertProblem(dir, AREAS + "stations:\n  - {id: a, name: A, area: c, enabeld: false}\n", "enabeld");
        assertProblem(dir, AREAS + "stations:\n  - {id: a, area: c}\n", "has no name");
        assertProblem(dir, "stations: [\n", "stations.yaml");
    }

    @Test
    void badServerSettingsAreRefused(@TempDir Path dir) throws Exception {
        write(dir, "stations.yaml", AREAS + "stations: []\n");
        write(dir, "server.yaml", "heartbeatIntervalMs: 0\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader().load(CommandLine.parse("--config", dir.toString())));
        assertTrue(e.getMessage().contains("heartbeatIntervalMs must be positive"), e.getMessage());
    }

    @Test
    void emptySecretIsRefused(@TempDir Path dir) throws Exception {
        write(dir, "stations.yaml", AREAS + "stations:\n  - {id: a, name: A, area: c}\n");
        write(dir, "station-secrets.yaml", "a: ''\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader().load(CommandLine.parse("--config", dir.toString())));
        assertTrue(e.getMessage().contains("the secret of station a is empty"), e.getMessage());
    }

    @Test
    void commandLineMistakesAreExplained() {
        assertTrue(assertThrows(ConfigException.class, () -> CommandLine.parse("--http-port", "eighty"))
                .getMessage().contains("--http-port wants a port number"));
        assertTrue(assertThrows(ConfigException.class, () -> CommandLine.parse("--http-port", "70000"))
                .getMessage().contains("0..65535"));
        assertTrue(assertThrows(ConfigException.class, () -> CommandLine.parse("--verbose", "yes"))
                .getMessage().contains("unknown option --verbose"));
        assertTrue(assertThrows(ConfigException.class, () -> CommandLine.parse("--config"))
                .getMessage().contains("--config needs a value"));
        assertTrue(CommandLine.parse("--help").help());
    }

    private static void assertProblem(Path dir, String stationsYaml, String expected) throws Exception {
        write(dir, "stations.yaml", stationsYaml);
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader().load(CommandLine.parse("--config", dir.toString())));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains("stations.yaml"), e.getMessage());
    }

    private static void write(Path dir, String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text);
    }
}
