package vn.loa.protocol;

/** Which way a message type may travel. A frame going the other way is {@link ErrorCode#UNEXPECTED_MESSAGE}. */
public enum Direction {
    /** Receiver to server. */
    TO_SERVER,
    /** Server to receiver. */
    TO_RECEIVER,
    /** Either way (ERROR). */
    BOTH;

    /** Whether a message of this direction may arrive at a reader that only accepts {@code inbound}. */
    public boolean arrivesAt(Direction inbound) {
        return this == BOTH || this == inbound;
    }
}
