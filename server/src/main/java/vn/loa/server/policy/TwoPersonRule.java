package vn.loa.server.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.loa.server.auth.Principal;
import vn.loa.server.station.Area;
import vn.loa.server.station.StationDefinition;
import vn.loa.server.station.StationDirectory;

/**
 * An EMERGENCY that reaches more communes than {@code alertConfirmAboveCommunes} goes on air only once a
 * second officer, not the one who asked, has confirmed it, whichever way it was asked for (an alert, a
 * broadcast, a schedule entry). One rule for all, so no entry point can walk around it, and no splitting
 * either: what one officer put on air alone within the last hour counts with what they ask for now, and a
 * scheduled EMERGENCY by an officer whose scope spans more communes always waits, because entries made
 * apart can fire together. Communes are counted by area id: two communes may share a name.
 */
public final class TwoPersonRule {
    /** How long what an officer aired alone counts against the next request. */
    static final Duration ALONE_WINDOW = Duration.ofHours(1);
    private final StationDirectory directory;
    private final int aboveCommunes;
    private final Clock clock;
    private final Map<String, Deque<Claim>> alone = new HashMap<>();

    private record Claim(Instant at, Set<String> communes) {
    }

    public TwoPersonRule(StationDirectory directory, int aboveCommunes) {
        this(directory, aboveCommunes, Clock.systemUTC());
    }

    public TwoPersonRule(StationDirectory directory, int aboveCommunes, Clock clock) {
        this.directory = directory;
        this.aboveCommunes = aboveCommunes;
        this.clock = clock;
    }

    /** Commune names, for people; a station with no commune above it counts as its own area. */
    public List<String> communes(Collection<String> stations) {
        TreeSet<String> names = new TreeSet<>();
        for (String id : stations) {
            directory.station(id).ifPresent(s -> names.add(directory.communeName(s)));
        }
        return List.copyOf(names);
    }

    /** Whether this request alone reaches more communes than one officer may (a preview; records nothing). */
    public boolean needed(boolean emergency, Collection<String> stations) {
        return emergency && communeIds(stations).size() > aboveCommunes;
    }

    /**
     * For air now (a broadcast, an alert's LIVE): whether it must wait, counting what {@code requester}
     * aired alone within the hour. When it may go alone it is recorded here, in the same step, so two
     * requests at once cannot both pass.
     */
    public synchronized boolean neededNow(String requester, boolean emergency, Collection<String> stations) {
        if (!emergency) {
            return false;
        }
        Instant now = clock.instant();
        Deque<Claim> claims = alone.computeIfAbsent(requester, r -> new ArrayDeque<>());
        while (!claims.isEmpty() && claims.peekFirst().at().isBefore(now.minus(ALONE_WINDOW))) {
            claims.removeFirst();
        }
        Set<String> reached = communeIds(stations);
        Set<String> together = new HashSet<>(reached);
        claims.forEach(c -> together.addAll(c.communes()));
        if (together.size() > aboveCommunes) {
            return true;
        }
        claims.addLast(new Claim(now, reached));
        return false;
    }

    /** For a schedule entry: beyond the request itself, an officer whose scope spans more communes always waits. */
    public boolean neededForSchedule(Principal who, boolean emergency, Collection<String> stations) {
        return needed(emergency, stations) || (emergency && communesWithin(who) > aboveCommunes);
    }

    public int aboveCommunes() {
        return aboveCommunes;
    }

    /** The second officer must be another person than the one who asked. */
    public void requireSecondOfficer(Principal confirmer, String requestedBy, String what) {
        if (confirmer.name().equals(requestedBy)) {
            throw new PolicyRefusal(PolicyRefusal.Reason.SELF_CONFIRMATION, confirmer, "the officer who asked for "
                    + what + " (" + requestedBy + ") cannot also confirm it; a second officer must")
                    .with("requestedBy", requestedBy);
        }
    }

    private Set<String> communeIds(Collection<String> stations) {
        Set<String> ids = new HashSet<>();
        for (String id : stations) {
            directory.station(id).ifPresent(s -> ids.add(communeId(s)));
        }
        return ids;
    }

    private long communesWithin(Principal who) {
        return directory.stations().stream().filter(s -> who.reaches(s, directory)).map(this::communeId)
                .distinct().count();
    }

    private String communeId(StationDefinition station) {
        List<Area> path = directory.pathTo(station.areaId());
        return path.stream().filter(a -> "commune".equals(a.level())).map(Area::id).findFirst()
                .orElse(station.areaId());
    }
}
