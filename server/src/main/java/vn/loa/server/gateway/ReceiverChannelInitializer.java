package vn.loa.server.gateway;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import java.net.InetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.protocol.Direction;
import vn.loa.protocol.codec.FrameDecoder;
import vn.loa.protocol.codec.FrameEncoder;

/**
 * The receiver pipeline, by name: (tls,) decoder, encoder, handshake, exceptions. After a successful handshake
 * it becomes decoder, idle, encoder, session, exceptions.
 */
final class ReceiverChannelInitializer extends ChannelInitializer<SocketChannel> {
    static final String DECODER = "decoder";
    private static final Logger log = LoggerFactory.getLogger(ReceiverChannelInitializer.class);
    private final GatewayContext gateway;
    private final SslContext tls;

    /** @param tls the receiver port's TLS context, or null for plain TCP */
    ReceiverChannelInitializer(GatewayContext gateway, SslContext tls) {
        this.gateway = gateway;
        this.tls = tls;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        InetAddress remote = ch.remoteAddress().getAddress();
        PreAuthSlots.Acquired acquired = gateway.preAuth().acquire(remote, ch::close);
        if (acquired.evicted() != null) {
            // No reply to the evicted connection: a flood is answered with as little work as possible, and a
            // real receiver whose handshake was this slow simply retries with its back-off.
            boolean perAddress = acquired.cap() == PreAuthSlots.Cap.PER_ADDRESS;
            gateway.registry().counters().refusedPreAuth(perAddress);
            log.debug("Closing the oldest connection still in the handshake{} to make room for {}",
                    perAddress ? " from the same address" : "", remote);
            acquired.closeEvicted();
        }
        ch.closeFuture().addListener(f -> acquired.slot().release());
        if (tls != null) {
            // The TLS handshake is part of the receiver's handshake: it counts against the same slot and deadline.
            ch.pipeline().addLast("tls", tls.newHandler(ch.alloc()));
        }
        ch.pipeline()
                .addLast(DECODER, new FrameDecoder(Direction.TO_SERVER))
                .addLast("encoder", FrameEncoder.INSTANCE)
                .addLast("handshake", new HandshakeHandler(gateway, acquired.slot()))
                .addLast("exceptions", ReceiverExceptionHandler.INSTANCE);
    }
}
