package vn.loa.server.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-station, per-minute budget of history rows, on a made-up clock. */
class HistoryBudgetTest {
    private static final Instant MINUTE = Instant.parse("2026-11-29T08:00:00Z");
    private final AtomicLong coalesced = new AtomicLong();
    private final HistoryBudget budget = new HistoryBudget(3, coalesced::addAndGet);

    @Test
    void aStationOverItsBudgetGetsOneSummaryRowWithTheCountsWhenTheMinuteEnds() {
        List<StationEvent> stored = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String kind = i % 10 == 9 ? StationEvent.FAULT : StationEvent.CHANGE;
            stored.addAll(budget.admit(new StationEvent(MINUTE.plusMillis(i * 100), "st-01", kind, "volume " + i)));
        }
        assertEquals(3, stored.size(), "three rows kept singly in the minute");
        stored.addAll(budget.admit(new StationEvent(MINUTE.plusSeconds(61), "st-02", StationEvent.CHANGE, "other")));
        assertEquals(4, stored.size(), "another station has its own budget");

        List<StationEvent> summaries = budget.endedBefore(MINUTE.plusSeconds(61));
        assertEquals(1, summaries.size());
        StationEvent summary = summaries.get(0);
        assertEquals(StationEvent.COALESCED, summary.kind());
        assertEquals("st-01", summary.station());
        assertTrue(summary.detail().startsWith("97 more rows"), summary.detail());
        assertTrue(summary.detail().contains("CHANGE=87") && summary.detail().contains("FAULT=10"), summary.detail());
        assertTrue(summary.detail().endsWith("volume 99"), "the last state is named: " + summary.detail());
        assertEquals(97, coalesced.get());
    }

    @Test
    void theSummaryIsWrittenBeforeTheFirstRowOfTheNextMinuteIfThatComesFirst() {
        for (int i = 0; i < 5; i++) {
            budget.admit(new StationEvent(MINUTE.plusSeconds(i), "st-01", StationEvent.CHANGE, "v" + i));
        }
        List<StationEvent> next = budget.admit(new StationEvent(MINUTE.plusSeconds(70), "st-01", StationEvent.OFFLINE, "gone"));
        assertEquals(List.of(StationEvent.COALESCED, StationEvent.OFFLINE), next.stream().map(StationEvent::kind).toList());
        assertEquals(List.of(), budget.endedBefore(MINUTE.plusSeconds(200)), "nothing held back in the second minute");
    }
}
