package vn.loa.server.station;

/**
 * A receiver's connection as playout sees it, to decide whether to send; the sending itself goes
 * through a {@link SendRound}. Implemented by the gateway.
 */
public interface ReceiverOutlet {

    /** False while the connection's outbound buffer is above its high water mark: skip, do not queue. */
    boolean writable();

    /** Bytes accepted for this receiver and not yet handed to the kernel. */
    long pendingBytes();
}
