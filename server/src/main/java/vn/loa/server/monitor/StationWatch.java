package vn.loa.server.monitor;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import vn.loa.server.playout.SessionEvent;
import vn.loa.server.playout.SessionEvents;
import vn.loa.server.station.PresenceListener;
import vn.loa.server.station.StationDefinition;
import vn.loa.server.station.StationDirectory;
import vn.loa.server.station.StationRegistry;
import vn.loa.server.station.StationStatus;
import vn.loa.server.station.StatusDiff;

/**
 * Turns what receivers report into live events and open faults. A speaker-line or amplifier fault is
 * raised on the STATUS that reports it (receivers report at least every heartbeat interval); offline
 * is raised when the gateway declares it (at once on a closed link, after 1.5 × N of silence). What
 * each station plays is published as the playout's session events say it changed, nothing polled.
 */
public final class StationWatch implements PresenceListener, AutoCloseable {
    private final StationDirectory directory;
    private final StationRegistry registry;
    private final EventHub hub;
    private final Clock clock;
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, Long> playing = new ConcurrentHashMap<>();
    private final ExecutorService relay = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "station-watch");
        t.setDaemon(true);
        return t;
    });

    public StationWatch(StationDirectory directory, StationRegistry registry, EventHub hub, SessionEvents sessions,
                        Clock clock) {
        this.directory = directory;
        this.registry = registry;
        this.hub = hub;
        this.clock = clock;
        sessions.subscribe("station watch", relay, this::sessionEvent);
        for (StationDefinition s : directory.stations()) {
            if (s.enabled()) {
                faults.put(key(s.id(), Fault.OFFLINE), new Fault(s.id(), Fault.OFFLINE, clock.instant(),
                        "not connected since the server started"));
            }
        }
    }

    @Override
    public void online(String station) {
        var p = registry.presence(station);
        clear(station, Fault.OFFLINE);
        hub.publish("station.online", station, Map.of("address", String.valueOf(p.remoteAddress()),
                "firmware", String.valueOf(p.firmware())));
    }

    @Override
    public void offline(String station) {
        String reason = String.valueOf(registry.presence(station).offlineReason());
        hub.publish("station.offline", station, Map.of("reason", reason));
        raise(station, Fault.OFFLINE, reason);
    }

    @Override
    public void statusReported(String station, StationStatus previous, StationStatus current) {
        String changed = StatusDiff.settings(previous, current);
        if (changed != null) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("changed", changed);
            data.put("status", current);
            hub.publish("station.status", station, data);
        }
        flag(station, Fault.SPEAKER_LINE, current.speakerLineFault(), "the receiver reports a speaker-line fault");
        flag(station, Fault.AMPLIFIER, current.amplifierFault(), "the receiver reports an amplifier fault");
    }

    /** Open faults, oldest first. */
    public List<Fault> faults() {
        List<Fault> out = new ArrayList<>(faults.values());
        out.sort(Comparator.comparing(Fault::since).thenComparing(Fault::station));
        return out;
    }

    private void flag(String station, String kind, boolean on, String detail) {
        if (on) {
            raise(station, kind, detail);
        } else {
            clear(station, kind);
        }
    }

    private void raise(String station, String kind, String detail) {
        Fault fault = new Fault(station, kind, clock.instant(), detail);
        if (faults.putIfAbsent(key(station, kind), fault) == null) {
            hub.publish("fault.raised", station, fault);
        }
    }

    private void clear(String station, String kind) {
        Fault gone = faults.remove(key(station, kind));
        if (gone != null) {
            hub.publish("fault.cleared", station, gone);
        }
    }

    /** Publishes what a station plays when its session changes (a cut and a start make one change). */
    private void sessionEvent(SessionEvent event) {
        if (event instanceof SessionEvent.StationPlaying p) {
            long session = p.session();
            Long before = playing.put(p.station(), session);
            if (before == null ? session != 0 : before != session) {
                hub.publish("nowplaying", p.station(), p.playing() == null ? Map.of("session", 0)
                        : p.playing().at(ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant())));
            }
        }
    }

    private static String key(String station, String kind) {
        return station + "/" + kind;
    }

    @Override
    public void close() {
        relay.shutdownNow();
    }
}
