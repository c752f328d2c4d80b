package vn.loa.server.policy;

import java.util.Locale;
import vn.loa.server.auth.Principal;
import vn.loa.server.playout.IssuerLevel;
import vn.loa.server.station.Area;
import vn.loa.server.station.StationDirectory;

/**
 * The issuer level a user speaks at, read from their scope and never from what a request claims: an
 * admin is at the top; anyone else at the highest level among their areas. An area's level is the
 * tree's own word when it names an issuer level (province, district, commune); a root area of another
 * name counts as a province, and anything else as a commune, the lowest, so an unknown word never
 * raises anyone.
 */
public final class IssuerLevels {
    private final StationDirectory directory;

    public IssuerLevels(StationDirectory directory) {
        this.directory = directory;
    }

    public IssuerLevel of(Principal who) {
        if (who.everywhere()) {
            return IssuerLevel.PROVINCE;
        }
        return who.scopes().stream().map(this::levelOf).max(Enum::compareTo).orElse(IssuerLevel.COMMUNE);
    }

    IssuerLevel levelOf(String areaId) {
        var path = directory.pathTo(areaId);
        if (path.isEmpty()) {
            return IssuerLevel.COMMUNE;
        }
        Area area = path.get(path.size() - 1);
        String word = area.level() == null ? "" : area.level().toUpperCase(Locale.ROOT);
        for (IssuerLevel level : IssuerLevel.values()) {
            if (level.name().equals(word)) {
                return level;
            }
        }
        return path.size() == 1 ? IssuerLevel.PROVINCE : IssuerLevel.COMMUNE;
    }

    /**
     * The level to air at: the user's own. A body may repeat it, which changes nothing; a body that
     * claims another level is refused, so no client believes it got a level it did not.
     */
    public IssuerLevel require(Principal who, String claimed) {
        IssuerLevel own = of(who);
        if (claimed != null && !claimed.equals(own.name())) {
            throw new PolicyRefusal(PolicyRefusal.Reason.ISSUER_LEVEL_NOT_YOURS, who, "issuerLevel comes from the scope "
                    + "of " + who.name() + " " + who.scopes() + ", which is " + own + "; leave it out, or send " + own
                    + ", not '" + claimed + "'").with("level", own.name()).with("claimed", claimed);
        }
        return own;
    }
}
