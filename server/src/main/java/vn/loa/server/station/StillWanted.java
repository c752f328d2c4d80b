package vn.loa.server.station;

/**
 * Whether frames queued for a receiver are still wanted when their turn to be written comes. A cut-in
 * can arrive while a chunk for what it cuts waits in the network thread's queue; writing that audio
 * would only delay the cut-in's own frames behind it, and the receiver would throw it away.
 */
@FunctionalInterface
public interface StillWanted {
    StillWanted ALWAYS = () -> true;

    /** Read on a network thread, so implementations must publish changes safely (a volatile). */
    boolean stillWanted();
}
