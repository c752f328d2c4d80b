package vn.loa.server.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.loa.server.policy.PolicyFixture.request;
import static vn.loa.server.policy.PolicyFixture.user;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.server.auth.Principal;
import vn.loa.server.auth.Role;

/** Who may air what class where, the issuer level and the two-person rule, decided without a server. */
class AirPolicyTest {
    private final AirPolicy policy = PolicyFixture.air(1);
    private final Principal operatorA = user("op-a", Role.OPERATOR, "xa-a");
    private final Principal districtOfficer = user("off-huyen", Role.OFFICER, "huyen");

    @Test
    void anOperatorAirsUpToPriorityInsideItsCommuneOnly() {
        AirPolicy.Clearance ok = policy.clear(operatorA, request("PRIORITY", null, "xa-a"), "this broadcast");
        assertEquals(2, ok.stations().size());
        assertFalse(ok.needsSecondOfficer());
        assertEquals(PolicyRefusal.Reason.EMERGENCY_RIGHTS_REQUIRED, reason(() ->
                policy.clear(operatorA, request("EMERGENCY", null, "xa-a"), "this broadcast")));
        PolicyRefusal outside = assertThrows(PolicyRefusal.class, () ->
                policy.clear(operatorA, request("NORMAL", null, "xa-a", "xa-b"), "this broadcast"));
        assertEquals(PolicyRefusal.Reason.OUTSIDE_SCOPE, outside.reason());
        assertTrue(outside.getMessage().contains("xa-b-1, xa-b-2"), outside.getMessage());
        assertEquals(operatorA, outside.principal(), "the refusal names who was refused, for the audit");
    }

    @Test
    void anEmergencyOverMoreCommunesThanConfiguredWaitsForASecondOfficer() {
        AirPolicy.Clearance one = policy.clear(districtOfficer, request("EMERGENCY", null, "xa-a"), "x");
        assertFalse(one.needsSecondOfficer(), "one commune is within the threshold");
        AirPolicy.Clearance two = policy.clear(districtOfficer, request("EMERGENCY", null, "huyen"), "x");
        assertTrue(two.needsSecondOfficer());
        assertEquals(List.of("Xã A", "Xã B"), two.communes());
        assertFalse(policy.clear(districtOfficer, request("PRIORITY", null, "huyen"), "x").needsSecondOfficer(),
                "only EMERGENCY needs a second officer");
        assertFalse(PolicyFixture.air(2).clear(districtOfficer, request("EMERGENCY", null, "huyen"), "x")
                .needsSecondOfficer(), "the threshold is configuration");
    }

    @Test
    void nobodyConfirmsTheirOwnRequest() {
        TwoPersonRule rule = policy.twoPerson();
        assertEquals(PolicyRefusal.Reason.SELF_CONFIRMATION, reason(() ->
                rule.requireSecondOfficer(districtOfficer, "off-huyen", "this EMERGENCY broadcast")));
        rule.requireSecondOfficer(user("off-2", Role.OFFICER, "huyen"), "off-huyen", "this EMERGENCY broadcast");
    }

    @Test
    void theIssuerLevelComesFromTheScopeNeverFromTheBody() {
        assertEquals("COMMUNE", policy.clear(operatorA, request("NORMAL", null, "xa-a"), "x").request().issuerLevel());
        assertEquals("DISTRICT", policy.clear(districtOfficer, request("NORMAL", null, "xa-a"), "x").request().issuerLevel());
        assertEquals("COMMUNE", policy.clear(operatorA, request("NORMAL", "COMMUNE", "xa-a"), "x").request().issuerLevel(),
                "repeating one's own level is harmless");
        PolicyRefusal claimed = assertThrows(PolicyRefusal.class, () ->
                policy.clear(operatorA, request("NORMAL", "PROVINCE", "xa-a"), "x"));
        assertEquals(PolicyRefusal.Reason.ISSUER_LEVEL_NOT_YOURS, claimed.reason());
        assertFalse(claimed.reason().forbidden(), "a claim in the body is a bad request (400), not a lack of rights");
        Principal admin = user("admin", Role.ADMIN);
        assertEquals("PROVINCE", policy.clear(admin, request("NORMAL", null, "xa-a"), "x").request().issuerLevel());
    }

    @Test
    void issuerLevelsFollowTheTreesOwnWordsAndNeverRaiseAnUnknownOne() {
        IssuerLevels levels = new IssuerLevels(PolicyFixture.DIRECTORY);
        assertEquals("PROVINCE", levels.of(user("p", Role.OFFICER, "tinh")).name());
        assertEquals("COMMUNE", levels.of(user("w", Role.OPERATOR, "phuong")).name(), "'ward' is no issuer level");
        assertEquals("DISTRICT", levels.of(user("two", Role.OFFICER, "xa-c", "huyen")).name(), "the highest of the areas");
    }

    @Test
    void stoppingAnEmergencyTakesEmergencyRightsOverEveryStation() {
        assertEquals(PolicyRefusal.Reason.EMERGENCY_RIGHTS_REQUIRED, reason(() ->
                policy.requireMayStop(operatorA, "EMERGENCY", List.of("xa-a-1"), "broadcast 1")));
        assertEquals(PolicyRefusal.Reason.OUTSIDE_SCOPE, reason(() ->
                policy.requireMayStop(user("off-a", Role.OFFICER, "xa-a"), "EMERGENCY", List.of("xa-a-1", "xa-b-1"), "b")));
        policy.requireMayStop(districtOfficer, "EMERGENCY", List.of("xa-a-1", "xa-b-1"), "broadcast 1");
    }

    private static PolicyRefusal.Reason reason(Runnable act) {
        return assertThrows(PolicyRefusal.class, act::run).reason();
    }
}
