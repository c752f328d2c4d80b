package vn.loa.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationListTest {

    @Test
    void rangeKeepsTheZeroPaddingOfItsStart() {
        List<StationCredentials> list = StationList.fromRange("sim-0998..1001", Map.of(), "s");
        assertEquals(List.of("sim-0998", "sim-0999", "sim-1000", "sim-1001"),
                list.stream().map(StationCredentials::id).toList());
    }

    @Test
    void rangeTakesSecretsFromTheFileBeforeTheSharedOne() {
        List<StationCredentials> list = StationList.fromRange("st-1..2", Map.of("st-1", "own"), "shared");
        assertEquals("own", list.get(0).secret());
        assertEquals("shared", list.get(1).secret());
    }

    @Test
    void rangeWithoutAnySecretSaysWhichStationLacksOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StationList.fromRange("st-1..2", Map.of("st-1", "own"), null));
        assertTrue(e.getMessage().contains("st-2"), e.getMessage());
    }

    @Test
    void backwardsRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StationList.fromRange("st-9..1", Map.of(), "s"));
    }

    @Test
    void secretsFileListsItsStationsInOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secrets.yaml");
        Files.writeString(file, "# comment\ntra-mai-01: abc\ntra-don-01: def\n");
        List<StationCredentials> list = StationList.fromFile(file);
        assertEquals(List.of("tra-mai-01", "tra-don-01"), list.stream().map(StationCredentials::id).toList());
        assertEquals("def", list.get(1).secret());
    }

    @Test
    void commandLineNeedsServerAndStations() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimOptions.parse("--stations", "st-1..2", "--secret", "s"));
        assertTrue(e.getMessage().contains("--server"));
        e = assertThrows(IllegalArgumentException.class,
                () -> SimOptions.parse("--server", "receivers.test:7700", "--stations", "st-1..2", "--secret", "s", "--colour", "red"));
        assertTrue(e.getMessage().contains("unknown option --colour"), e.getMessage());
    }

    @Test
    void commandLineReadsFaultsInSeconds() {
        SimOptions o = SimOptions.parse("--server", "receivers.test:7700", "--stations", "st-1..3", "--secret", "s",
                "--drop-after", "2.5", "--latency", "80", "--wrong-secret", "--fault-share", "0.5");
        assertEquals(3, o.stations().size());
        assertEquals(2_500, o.faults().dropAfterMs());
        assertEquals(80, o.faults().latencyMs());
        assertTrue(o.faults().wrongSecret());
        assertEquals(0.5, o.faults().share());
        assertEquals(7700, o.server().getPort());
    }
}
