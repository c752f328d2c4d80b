package vn.loa.server.gateway;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import vn.loa.protocol.Direction;
import vn.loa.protocol.codec.FrameDecoder;
import vn.loa.protocol.codec.FrameEncoder;

/**
 * The receiver pipeline, by name: decoder, encoder, handshake, exceptions. After a successful handshake
 * it becomes decoder, idle, encoder, session, exceptions.
 */
final class ReceiverChannelInitializer extends ChannelInitializer<SocketChannel> {
    static final String DECODER = "decoder";
    private final GatewayContext gateway;

    ReceiverChannelInitializer(GatewayContext gateway) {
        this.gateway = gateway;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline()
                .addLast(DECODER, new FrameDecoder(Direction.TO_SERVER))
                .addLast("encoder", FrameEncoder.INSTANCE)
                .addLast("handshake", new HandshakeHandler(gateway))
                .addLast("exceptions", ReceiverExceptionHandler.INSTANCE);
    }
}
