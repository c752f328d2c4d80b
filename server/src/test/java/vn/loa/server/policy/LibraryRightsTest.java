package vn.loa.server.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.loa.server.policy.PolicyFixture.user;

import org.junit.jupiter.api.Test;
import vn.loa.server.auth.Principal;
import vn.loa.server.auth.Role;

/** Which area a new library item belongs to, and who may change an item of an area. */
class LibraryRightsTest {
    private final LibraryRights rights = new LibraryRights(new StationScope(PolicyFixture.DIRECTORY));
    private final Principal operatorA = user("op-a", Role.OPERATOR, "xa-a");
    private final Principal districtOperator = user("op-huyen", Role.OPERATOR, "huyen");
    private final Principal twoAreas = user("op-two", Role.OPERATOR, "xa-a", "xa-c");
    private final Principal admin = user("admin", Role.ADMIN);

    @Test
    void aNewItemBelongsToItsMakersAreaOrToOneTheyNameWithinTheirScope() {
        assertEquals("xa-a", rights.areaForNew(operatorA, null));
        assertEquals("xa-b", rights.areaForNew(districtOperator, "xa-b"), "a sub-area of the scope may be named");
        assertEquals(PolicyRefusal.Reason.OUTSIDE_SCOPE, reason(() -> rights.areaForNew(operatorA, "xa-b")));
        assertEquals(PolicyRefusal.Reason.AREA_REQUIRED, reason(() -> rights.areaForNew(twoAreas, null)));
        assertEquals("xa-c", rights.areaForNew(twoAreas, "xa-c"));
        assertEquals(PolicyRefusal.Reason.UNKNOWN_AREA, reason(() -> rights.areaForNew(admin, "nowhere")));
        assertNull(rights.areaForNew(admin, null), "an admin's item belongs to the root unless named");
    }

    @Test
    void onlyAScopeCoveringTheItemsAreaMayChangeIt() {
        rights.requireMayChange(operatorA, "xa-a", "playlist a");
        assertEquals(PolicyRefusal.Reason.LIBRARY_ITEM_NOT_YOURS, reason(() -> rights.requireMayChange(operatorA, "xa-b", "b")));
        rights.requireMayChange(districtOperator, "xa-b", "playlist b");
        assertEquals(PolicyRefusal.Reason.LIBRARY_ITEM_NOT_YOURS,
                reason(() -> rights.requireMayChange(districtOperator, null, "a shipped file")), "the root is read-only below the top");
        rights.requireMayChange(user("p", Role.OFFICER, "tinh"), null, "a shipped file");
        rights.requireMayChange(admin, "xa-b", "anything");
    }

    private static PolicyRefusal.Reason reason(Runnable act) {
        return assertThrows(PolicyRefusal.class, act::run).reason();
    }
}
