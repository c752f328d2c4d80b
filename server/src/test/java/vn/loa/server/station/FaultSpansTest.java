package vn.loa.server.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a technician reads in the faults report: faults only, each cleared by the event that ends it. */
class FaultSpansTest {
    private static final Instant T = Instant.parse("2026-11-29T05:00:00Z");

    private static StationEvent at(int minute, String station, String kind, String detail) {
        return new StationEvent(T.plusSeconds(60L * minute), station, kind, detail);
    }

    @Test
    void aDropOffIsClearedByTheNextConnectionAndConnectionsAreNoFaults() {
        List<FaultSpans.Span> spans = FaultSpans.of(List.of(
                at(3, "st-01", StationEvent.ONLINE, "from 10.0.0.1, firmware 1"),
                at(2, "st-01", StationEvent.OFFLINE, "no frame for 1500 ms"),
                at(1, "st-01", StationEvent.CHANGE, "volume 40→60"),
                at(0, "st-01", StationEvent.ONLINE, "from 10.0.0.1, firmware 1")));
        assertEquals(1, spans.size(), spans.toString());
        assertEquals(StationEvent.OFFLINE, spans.get(0).kind());
        assertEquals(T.plusSeconds(180), spans.get(0).clearedAt());
    }

    @Test
    void aFaultFlagClearsOnlyWhenTheRecoveryNamesIt() {
        List<FaultSpans.Span> spans = FaultSpans.of(List.of(
                at(0, "st-02", StationEvent.FAULT, "speakerLineFault"),
                at(1, "st-02", StationEvent.FAULT, "amplifierFault"),
                at(2, "st-02", StationEvent.RECOVERED, "amplifierFault"),
                at(3, "st-03", StationEvent.RECOVERED, "speakerLineFault")));
        assertEquals(2, spans.size(), spans.toString());
        FaultSpans.Span amplifier = spans.get(0);
        FaultSpans.Span line = spans.get(1);
        assertEquals("amplifierFault", amplifier.detail(), "newest first");
        assertEquals(T.plusSeconds(120), amplifier.clearedAt());
        assertNull(line.clearedAt(), "another station's recovery clears nothing here");
    }
}
