package vn.loa.server.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import vn.loa.server.station.ReceiverOutlet;

/** A receiver connection as playout sees it: writability from the water marks; writes go through {@link LoopSendRound}. */
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
}
