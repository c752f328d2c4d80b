package vn.loa.server.station;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The faults in a stretch of station history, each with when it cleared: a station dropping off
 * (OFFLINE, cleared by its next ONLINE) and a fault flag coming on (FAULT, cleared by the RECOVERED that
 * names the flag). Connections, setting changes and recoveries are not faults and are not listed.
 */
public final class FaultSpans {
    /**
     * @param kind      OFFLINE or FAULT, as in the history
     * @param detail    why it dropped, or the fault flags that came on
     * @param clearedAt when the station came back or the flags cleared; null while it lasts (or past the stretch)
     */
    public record Span(Instant at, String station, String kind, String detail, Instant clearedAt) {
    }

    private FaultSpans() {
    }

    /** Newest first, as the history is read; {@code events} may come in either order. */
    public static List<Span> of(List<StationEvent> events) {
        List<StationEvent> oldestFirst = new ArrayList<>(events);
        oldestFirst.sort(Comparator.comparing(StationEvent::at));
        Map<String, Integer> openOffline = new HashMap<>();
        Map<String, List<Integer>> openFlags = new HashMap<>();
        List<Span> spans = new ArrayList<>();
        for (StationEvent e : oldestFirst) {
            switch (e.kind()) {
                case StationEvent.OFFLINE -> {
                    openOffline.putIfAbsent(e.station(), spans.size());
                    spans.add(new Span(e.at(), e.station(), e.kind(), e.detail(), null));
                }
                case StationEvent.ONLINE -> {
                    Integer open = openOffline.remove(e.station());
                    if (open != null) {
                        spans.set(open, cleared(spans.get(open), e.at()));
                    }
                }
                case StationEvent.FAULT -> {
                    openFlags.computeIfAbsent(e.station(), k -> new ArrayList<>()).add(spans.size());
                    spans.add(new Span(e.at(), e.station(), e.kind(), e.detail(), null));
                }
                case StationEvent.RECOVERED -> {
                    List<String> flags = flags(e.detail());
                    List<Integer> open = openFlags.computeIfAbsent(e.station(), k -> new ArrayList<>());
                    open.removeIf(i -> {
                        if (flags.containsAll(flags(spans.get(i).detail()))) {
                            spans.set(i, cleared(spans.get(i), e.at()));
                            return true;
                        }
                        return false;
                    });
                }
                default -> {
                }
            }
        }
        spans.sort(Comparator.comparing(Span::at).reversed());
        return spans;
    }

    private static Span cleared(Span s, Instant at) {
        return new Span(s.at(), s.station(), s.kind(), s.detail(), at);
    }

    private static List<String> flags(String detail) {
        return detail == null ? List.of() : Arrays.stream(detail.split(",")).map(String::trim).toList();
    }
}
