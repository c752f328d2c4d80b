package vn.loa.server.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.server.auth.Role;
import vn.loa.server.station.Area;
import vn.loa.server.station.StationDefinition;
import vn.loa.server.station.StationDirectory;

/**
 * One officer cannot put a district on EMERGENCY air by asking for it one commune at a time, nor by
 * scheduling it commune by commune, and two communes that share a name still count as two.
 */
class TwoPersonSplittingTest {
    private static final List<String> XA_A = List.of("xa-a-1", "xa-a-2");
    private static final List<String> XA_B = List.of("xa-b-1");

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-29T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aDistrictOfficerAskingCommuneByCommuneNeedsASecondOfficerFromTheSecondCommuneOn() {
        MovableClock clock = new MovableClock();
        TwoPersonRule rule = new TwoPersonRule(PolicyFixture.DIRECTORY, 1, clock);
        assertFalse(rule.neededNow("huyen-1", true, XA_A), "one commune alone is the officer's to warn");
        assertFalse(rule.neededNow("huyen-1", true, XA_A), "the same commune again is still one commune");
        assertTrue(rule.neededNow("huyen-1", true, XA_B), "a second commune within the hour is a district alert");
        assertFalse(rule.neededNow("huyen-2", true, XA_B), "another officer's own count is apart");
        assertFalse(rule.neededNow("huyen-1", false, XA_B), "below EMERGENCY the rule does not apply");
        clock.now = clock.now.plus(TwoPersonRule.ALONE_WINDOW).plus(Duration.ofMinutes(1));
        assertFalse(rule.neededNow("huyen-1", true, XA_B), "an hour later it is a new warning");
    }

    @Test
    void aScheduledEmergencyWaitsWhenTheOfficerCouldReachMoreCommunes() {
        TwoPersonRule rule = new TwoPersonRule(PolicyFixture.DIRECTORY, 1);
        assertTrue(rule.neededForSchedule(PolicyFixture.user("huyen-1", Role.OFFICER, "huyen"), true, XA_A),
                "entries made apart can fire together: a district officer's scheduled EMERGENCY waits");
        assertFalse(rule.neededForSchedule(PolicyFixture.user("xa-a-1", Role.OFFICER, "xa-a"), true, XA_A),
                "a commune's own officer reaches one commune only");
        assertFalse(rule.neededForSchedule(PolicyFixture.user("huyen-1", Role.OFFICER, "huyen"), false, XA_A));
    }

    @Test
    void everyPathThroughThePolicyCountsTheSplit() {
        AirPolicy policy = PolicyFixture.air(1);
        var officer = PolicyFixture.user("huyen-1", Role.OFFICER, "huyen");
        assertFalse(policy.clear(officer, PolicyFixture.request("EMERGENCY", null, "xa-a"), "x").needsSecondOfficer());
        assertTrue(policy.clear(officer, PolicyFixture.request("EMERGENCY", null, "xa-b"), "x").needsSecondOfficer(),
                "the second commune's broadcast waits, as the district-wide one would");
        assertTrue(policy.clearSchedule(officer, PolicyFixture.request("EMERGENCY", null, "xa-a"), "x")
                .needsSecondOfficer(), "a district officer's scheduled EMERGENCY waits");
    }

    @Test
    void twoCommunesThatShareANameAreTwoCommunes() {
        Area thon1 = new Area("an-binh-1", "Xã An Bình", "commune", null, null, null);
        Area thon2 = new Area("an-binh-2", "Xã An Bình", "commune", null, null, null);
        Area d1 = new Area("huyen-1", "Huyện Một", "district", null, null, List.of(thon1));
        Area d2 = new Area("huyen-2", "Huyện Hai", "district", null, null, List.of(thon2));
        StationDirectory directory = new StationDirectory(List.of(new Area("tinh", "Tỉnh", "province", null, null,
                List.of(d1, d2))), List.of(new StationDefinition("ab-1", "1", "an-binh-1", null, null, null, true),
                new StationDefinition("ab-2", "2", "an-binh-2", null, null, null, true)));
        TwoPersonRule rule = new TwoPersonRule(directory, 1);
        assertTrue(rule.needed(true, List.of("ab-1", "ab-2")));
        assertEquals(List.of("Xã An Bình"), rule.communes(List.of("ab-1", "ab-2")), "people read the name");
    }
}
