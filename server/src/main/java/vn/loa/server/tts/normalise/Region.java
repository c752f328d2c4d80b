package vn.loa.server.tts.normalise;

/**
 * How numbers are read where the bulletin airs. The North says "một trăm linh năm" and "nghìn", the South
 * "một trăm lẻ năm" and "ngàn"; "nhăm" for a 5 after tens ("hai mươi nhăm") is a northern colloquial
 * choice, so it is a separate switch rather than part of the region.
 *
 * @param nham read 25, 35 ... as "... mươi nhăm" instead of "... mươi lăm" (never after "mười": "mười lăm")
 */
public record Region(Area area, boolean nham) {

    public enum Area { NORTH, SOUTH }

    public static Region north() {
        return new Region(Area.NORTH, false);
    }

    public static Region south() {
        return new Region(Area.SOUTH, false);
    }

    /** "north", "south", "north-nham"; anything else is refused so a typo in server.yaml is seen. */
    public static Region parse(String text) {
        return switch (text == null ? "north" : text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "north", "bac" -> north();
            case "south", "nam" -> south();
            case "north-nham" -> new Region(Area.NORTH, true);
            default -> throw new IllegalArgumentException("region must be north, south or north-nham, not '" + text + "'");
        };
    }

    /** The word between hundreds and a lone unit: 105 = một trăm linh năm (North), một trăm lẻ năm (South). */
    String zeroTens() {
        return area == Area.NORTH ? "linh" : "lẻ";
    }

    String thousand() {
        return area == Area.NORTH ? "nghìn" : "ngàn";
    }

    String fiveAfterTens() {
        return nham ? "nhăm" : "lăm";
    }
}
