package vn.loa.server.playout;

/** Where a session goes among others of its own class on a station (it never jumps a higher class). */
public enum Placement {
    /** First come, first served. */
    QUEUE,
    /** On air at once: cuts in on what plays at the same class. */
    NOW,
    /** Right after what plays now: ahead of the same class waiting there (like Rivendell's Make Next). */
    NEXT
}
