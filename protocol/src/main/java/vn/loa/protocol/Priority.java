package vn.loa.protocol;

/** Broadcast priority classes of Circular 39/2020/TT-BTTTT, lowest first; a higher class preempts a lower. */
public enum Priority {
    BACKGROUND,
    NORMAL,
    PRIORITY,
    EMERGENCY;

    public int code() {
        return ordinal();
    }

    public static Priority fromCode(int code) {
        Priority[] all = values();
        if (code < 0 || code >= all.length) {
            throw new IllegalArgumentException("priority " + code + " is not 0..3");
        }
        return all[code];
    }
}
