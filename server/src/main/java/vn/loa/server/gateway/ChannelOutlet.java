package vn.loa.server.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
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

    @Override
    public void send(ByteBuf encodedFrame) {
        // The void promise spares a future per audio chunk; failures surface as the channel closing.
        channel.writeAndFlush(encodedFrame, channel.voidPromise());
    }
}
