package vn.loa.server.gateway;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.protocol.Capability;
import vn.loa.protocol.ErrorCode;
import vn.loa.protocol.Frame;
import vn.loa.protocol.ProtocolException;
import vn.loa.protocol.ServerSignature;
import vn.loa.protocol.StationAuth;
import vn.loa.protocol.message.Auth;
import vn.loa.protocol.message.Challenge;
import vn.loa.protocol.message.Hello;
import vn.loa.protocol.message.Welcome;
import vn.loa.server.station.StationDefinition;

/**
 * HELLO → CHALLENGE → AUTH → WELCOME. On success it swaps itself for the session handler and adds the
 * idle detector; on any failure it answers with a coded ERROR and the exception handler closes the link.
 * Everything here is in-memory work (a map look-up, one HMAC, one Ed25519 signature of about 0.1 ms),
 * so it runs on the event loop.
 */
final class HandshakeHandler extends SimpleChannelInboundHandler<Frame> {
    private static final Logger log = LoggerFactory.getLogger(HandshakeHandler.class);
    private final GatewayContext gateway;
    private Hello hello;
    private byte[] nonce;
    private final PreAuthSlots.Slot slot;
    private ScheduledFuture<?> deadline;

    HandshakeHandler(GatewayContext gateway, PreAuthSlots.Slot slot) {
        this.gateway = gateway;
        this.slot = slot;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        long timeoutMs = gateway.settings().handshakeTimeoutMs();
        deadline = ctx.executor().schedule(() -> ctx.fireExceptionCaught(new ProtocolException(
                ErrorCode.HANDSHAKE_TIMEOUT, "no valid AUTH within " + timeoutMs + " ms")), timeoutMs, TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelDeadline();
        ctx.fireChannelInactive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Frame frame) {
        if (frame.message() instanceof Hello h && hello == null) {
            onHello(ctx, frame, h);
        } else if (frame.message() instanceof Auth a && hello != null) {
            onAuth(ctx, frame, a);
        } else {
            throw new ProtocolException(ErrorCode.UNEXPECTED_MESSAGE, frame.type() + " during the handshake",
                    frame.requestId(), frame.type().code());
        }
    }

    private void onHello(ChannelHandlerContext ctx, Frame frame, Hello h) {
        Optional<StationDefinition> station = gateway.directory().station(h.stationId());
        if (station.isEmpty()) {
            throw refuse(frame, ErrorCode.UNKNOWN_STATION, "station " + h.stationId() + " is not registered");
        }
        if (!station.get().enabled()) {
            throw refuse(frame, ErrorCode.STATION_DISABLED, "station " + h.stationId() + " is disabled");
        }
        hello = h;
        nonce = new byte[StationAuth.NONCE_LENGTH];
        gateway.random().nextBytes(nonce);
        ctx.writeAndFlush(Frame.replyTo(frame, new Challenge(nonce)));
    }

    private void onAuth(ChannelHandlerContext ctx, Frame frame, Auth auth) {
        if (!gateway.secrets().verify(hello.stationId(), nonce, auth.mac())) {
            throw refuse(frame, ErrorCode.AUTH_FAILED, "wrong key for station " + hello.stationId());
        }
        cancelDeadline();
        slot.release();
        long connectionId = gateway.nextConnectionId();
        String remote = String.valueOf(ctx.channel().remoteAddress());
        ReceiverConnection connection = new ReceiverConnection(hello.stationId(), connectionId, ctx.channel(),
                Capability.fromBits(hello.capabilities()));
        ctx.channel().attr(ReceiverConnection.KEY).set(connection);
        long interval = gateway.settings().heartbeatIntervalMs();
        // WELCOME is queued before the station becomes reachable, so no audio or command can overtake it.
        ctx.writeAndFlush(Frame.replyTo(frame, welcome(interval, connectionId)));
        ReceiverConnection previous = gateway.connections().attach(connection, remote, hello.firmware());
        if (previous != null) {
            log.warn("Station {}: new connection {} from {} replaces connection {} from {}", hello.stationId(),
                    connectionId, remote, previous.connectionId(), previous.channel().remoteAddress());
            previous.closeWith(ErrorCode.SESSION_REPLACED,
                    "replaced by connection " + connectionId + " from " + remote);
        }
        ctx.pipeline().addAfter(ReceiverChannelInitializer.DECODER, "idle",
                new IdleStateHandler(gateway.settings().offlineAfterMs(), 0, 0, TimeUnit.MILLISECONDS));
        ctx.pipeline().replace(this, "session", new ReceiverSessionHandler(gateway, connection));
        log.info("Station {} online: connection {} from {}, firmware {}", hello.stationId(), connectionId, remote,
                hello.firmware());
    }

    /** Signed when the receiver sent a nonce to be signed; receivers that predate it get it as before. */
    private Welcome welcome(long interval, long connectionId) {
        Welcome welcome = new Welcome(interval, gateway.clock().nowMicros(), connectionId);
        byte[] receiverNonce = hello.receiverNonce();
        return receiverNonce == null ? welcome : welcome.withSignature(ServerSignature.sign(
                gateway.identity().privateKey(), receiverNonce, nonce, hello.stationId(), welcome));
    }

    private ProtocolException refuse(Frame frame, ErrorCode code, String detail) {
        return new ProtocolException(code, detail, frame.requestId(), frame.type().code());
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }
}
