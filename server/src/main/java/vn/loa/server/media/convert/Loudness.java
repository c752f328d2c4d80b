package vn.loa.server.media.convert;

/**
 * How loud a library item is, as its JSON says: EBU R128 integrated loudness and true peak of the stored
 * file, the gain Loa applied to reach the target (0 when none), and whether it is at the target now.
 *
 * @param integratedLufs null for silence, which has no loudness
 */
public record Loudness(Double integratedLufs, double truePeakDbtp, double gainDb, boolean normalised) {

    /** Within one loudness unit of the target counts as there: the ear hardly tells 1 LU apart. */
    public static boolean near(Double integratedLufs, double targetLufs) {
        return integratedLufs != null && Math.abs(integratedLufs - targetLufs) <= 1.0;
    }
}
