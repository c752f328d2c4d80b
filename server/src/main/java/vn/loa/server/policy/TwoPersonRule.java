package vn.loa.server.policy;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import vn.loa.server.auth.Principal;
import vn.loa.server.station.StationDirectory;

/**
 * An EMERGENCY that reaches more communes than {@code alertConfirmAboveCommunes} goes on air only once a
 * second officer, not the one who asked, has confirmed it, whichever way it was asked for (an alert, a
 * broadcast, a schedule entry). One rule for all, so no entry point can walk around it.
 */
public final class TwoPersonRule {
    private final StationDirectory directory;
    private final int aboveCommunes;

    public TwoPersonRule(StationDirectory directory, int aboveCommunes) {
        this.directory = directory;
        this.aboveCommunes = aboveCommunes;
    }

    /** Commune names; a station with no commune above it counts as its own area (as alerts count them). */
    public List<String> communes(Collection<String> stations) {
        TreeSet<String> names = new TreeSet<>();
        for (String id : stations) {
            directory.station(id).ifPresent(s -> names.add(directory.communeName(s)));
        }
        return List.copyOf(names);
    }

    public boolean needed(boolean emergency, Collection<String> stations) {
        return emergency && communes(stations).size() > aboveCommunes;
    }

    public int aboveCommunes() {
        return aboveCommunes;
    }

    /** The second officer must be another person than the one who asked. */
    public void requireSecondOfficer(Principal confirmer, String requestedBy, String what) {
        if (confirmer.name().equals(requestedBy)) {
            throw new PolicyRefusal(PolicyRefusal.Reason.SELF_CONFIRMATION, confirmer, "the officer who asked for "
                    + what + " (" + requestedBy + ") cannot also confirm it; a second officer must");
        }
    }
}
