package vn.loa.server.policy;

import vn.loa.server.auth.Principal;

/**
 * Who owns which library item and who may change it. A new item belongs to its maker's area when they
 * answer for one; a user with several must name it (within their scope); an admin's items belong to
 * the root unless named. Changing or deleting an item takes a scope that covers its area, so an
 * operator acts within their commune and a district or province user over the communes below them.
 * Items of the root (shipped in the media folder, or made by an admin) are read-only for everyone
 * below the top. Using an item (listing, playing, putting it in a playlist) is open to every role.
 */
public final class LibraryRights {
    private final StationScope scope;

    public LibraryRights(StationScope scope) {
        this.scope = scope;
    }

    /** The area a new item belongs to: null for the root. */
    public String areaForNew(Principal who, String requested) {
        if (requested != null) {
            if (!scope.directory().hasArea(requested)) {
                throw new PolicyRefusal(PolicyRefusal.Reason.UNKNOWN_AREA, who, "area '" + requested
                        + "' is not in the administrative tree").with("area", requested);
            }
            scope.requireArea(who, requested);
            return requested;
        }
        if (who.everywhere()) {
            return null;
        }
        if (who.scopes().size() == 1) {
            return who.scopes().iterator().next();
        }
        throw new PolicyRefusal(PolicyRefusal.Reason.AREA_REQUIRED, who, who.name() + " answers for " + who.scopes()
                + "; say which area the new item belongs to with 'area'");
    }

    /** Whether the user may change an item of {@code area} (null: the root), for showing what can be done. */
    public boolean mayChange(Principal who, String area) {
        return scope.covers(who, area);
    }

    /** Refuses a change to an item of {@code area} (null: the root) that the user's scope does not cover. */
    public void requireMayChange(Principal who, String area, String item) {
        if (!scope.covers(who, area)) {
            throw new PolicyRefusal(PolicyRefusal.Reason.LIBRARY_ITEM_NOT_YOURS, who, item + " belongs to "
                    + (area == null ? "the root (shipped with the server or made by an admin)" : "area " + area)
                    + ", outside the scope of " + who.name() + " " + who.scopes() + "; it can be used, not changed")
                    .with("area", area == null ? null : scope.areaName(area));
        }
    }
}
