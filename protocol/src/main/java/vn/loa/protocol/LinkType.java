package vn.loa.protocol;

/** How a receiver reaches the server (STATUS's link field). */
public enum LinkType {
    UNKNOWN,
    ETHERNET,
    WIFI,
    CELLULAR;

    public int code() {
        return ordinal();
    }

    /** Unknown codes come from newer receivers and read as UNKNOWN rather than failing the frame. */
    public static LinkType fromCode(int code) {
        LinkType[] all = values();
        return code >= 0 && code < all.length ? all[code] : UNKNOWN;
    }
}
