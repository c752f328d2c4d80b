package vn.loa.server.playout;

/** What happens to a session on a station when a higher one cuts in there. */
public enum PreemptPolicy {
    /** Continue from where it was cut once the station is free (unless the resume deadline passed). */
    RESUME,
    /** Play again from the beginning once the station is free. */
    RESTART,
    /** Forget it on that station. */
    DROP
}
