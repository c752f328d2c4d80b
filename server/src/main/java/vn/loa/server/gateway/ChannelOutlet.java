package vn.loa.server.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import java.util.List;
import vn.loa.server.station.ReceiverOutlet;

/** A receiver connection as playout sees it: writability from the water marks, fire-and-forget writes. */
record ChannelOutlet(Channel channel) implements ReceiverOutlet {

    @Override
    public boolean writable() {
        return channel.isWritable();
    }

    @Override
    public long pendingBytes() {
        ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }

    /**
     * One task on the connection's event loop for the whole batch, and one flush: a burst of audio for
     * a thousand receivers costs a thousand tasks and syscalls, not one per chunk per receiver.
     */
    @Override
    public void sendAll(List<ByteBuf> encodedFrames) {
        channel.eventLoop().execute(() -> {
            for (ByteBuf frame : encodedFrames) {
                channel.write(frame, channel.voidPromise());
            }
            channel.flush();
        });
    }

    @Override
    public void send(ByteBuf encodedFrame) {
        // The void promise spares a future per audio chunk; failures surface as the channel closing.
        channel.writeAndFlush(encodedFrame, channel.voidPromise());
    }
}
