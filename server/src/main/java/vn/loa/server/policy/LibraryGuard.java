package vn.loa.server.policy;

import java.time.Clock;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import vn.loa.server.auth.Principal;
import vn.loa.server.media.LibraryOwners;
import vn.loa.server.media.LibraryOwners.Kind;

/**
 * Every change to the library goes through here: the owner is read, the rights checked, the change
 * made and a new item's owner recorded under one lock, so nobody slips a change in between the check
 * and the edit, and a refusal changes nothing. An item made but not yet recorded (a crash in between)
 * belongs to the root: read-only for operators, never open to all.
 */
public final class LibraryGuard {
    private final LibraryOwners owners;
    private final LibraryRights rights;
    private final Clock clock;

    public LibraryGuard(LibraryOwners owners, LibraryRights rights, Clock clock) {
        this.owners = owners;
        this.rights = rights;
        this.clock = clock;
    }

    /**
     * Makes or changes an item. An existing one keeps its area and needs a scope covering it; a new one
     * gets {@link LibraryRights#areaForNew}, read before anything is written.
     *
     * @param exists        whether the item is there now, asked under the lock
     * @param requestedArea the area the caller names for a new item; null to take their own
     */
    public synchronized <T> T change(Principal who, Kind kind, String name, BooleanSupplier exists, String requestedArea,
                                     Supplier<T> edit) {
        if (exists.getAsBoolean()) {
            rights.requireMayChange(who, areaOf(kind, name), describe(kind, name));
            return edit.get();
        }
        String area = rights.areaForNew(who, requestedArea);
        T result = edit.get();
        owners.claim(kind, name, area, who.name(), clock.instant());
        return result;
    }

    /** Deletes an item the user may change; one that is not there is left to {@code delete} to report. */
    public synchronized <T> T remove(Principal who, Kind kind, String name, BooleanSupplier exists, Supplier<T> delete) {
        if (!exists.getAsBoolean()) {
            return delete.get();
        }
        rights.requireMayChange(who, areaOf(kind, name), describe(kind, name));
        T result = delete.get();
        owners.release(kind, name);
        return result;
    }

    /**
     * Renames an item the user may change; it keeps its area under the new name. {@code rename} answers
     * the new name. One that is not there is left to {@code rename} to report.
     */
    public synchronized String rename(Principal who, Kind kind, String name, BooleanSupplier exists,
                                      Supplier<String> rename) {
        if (!exists.getAsBoolean()) {
            return rename.get();
        }
        rights.requireMayChange(who, areaOf(kind, name), describe(kind, name));
        String renamed = rename.get();
        if (!renamed.equals(name)) {
            owners.rename(kind, name, renamed);
        }
        return renamed;
    }

    /** Whether the user may change an item of this area (null: the root); the same rule a change is held to. */
    public boolean mayChange(Principal who, String area) {
        return who != null && rights.mayChange(who, area);
    }

    /** The area an item belongs to; null for the root. */
    public String areaOf(Kind kind, String name) {
        return owners.find(kind, name).map(LibraryOwners.Owner::area).orElse(null);
    }

    public Map<String, String> areas(Kind kind) {
        return owners.areas(kind);
    }

    private static String describe(Kind kind, String name) {
        return (kind == Kind.MEDIA ? "media file " : "playlist ") + name;
    }
}
