package vn.loa.server.station;

import io.netty.buffer.ByteBuf;

/** Where playout writes a receiver's encoded frames; implemented by the gateway over its connection. */
public interface ReceiverOutlet {

    /** False while the connection's outbound buffer is above its high water mark: skip, do not queue. */
    boolean writable();

    /** Bytes accepted for this receiver and not yet handed to the kernel. */
    long pendingBytes();

    /** Sends one encoded frame, taking ownership of the buffer. Never blocks. */
    void send(ByteBuf encodedFrame);
}
