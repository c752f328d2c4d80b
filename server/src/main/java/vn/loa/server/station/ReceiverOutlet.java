package vn.loa.server.station;

import io.netty.buffer.ByteBuf;
import java.util.List;

/** Where playout writes a receiver's encoded frames; implemented by the gateway over its connection. */
public interface ReceiverOutlet {

    /** False while the connection's outbound buffer is above its high water mark: skip, do not queue. */
    boolean writable();

    /** Bytes accepted for this receiver and not yet handed to the kernel. */
    long pendingBytes();

    /** Sends one encoded frame, taking ownership of the buffer. Never blocks. */
    void send(ByteBuf encodedFrame);

    /** Sends several frames in order with a single flush, taking ownership of the buffers. Never blocks. */
    void sendAll(List<ByteBuf> encodedFrames);
}
