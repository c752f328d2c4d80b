package vn.loa.server.gateway;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.protocol.ErrorCode;
import vn.loa.protocol.Frame;
import vn.loa.protocol.ProtocolException;
import vn.loa.protocol.message.Ack;
import vn.loa.protocol.message.ErrorMessage;
import vn.loa.protocol.message.Status;
import vn.loa.protocol.message.TimeSyncRequest;
import vn.loa.protocol.message.TimeSyncResponse;
import vn.loa.server.station.CommandOutcome.Result;
import vn.loa.server.station.StationStatus;

/** An authenticated receiver's traffic: status reports, time sync, command answers, liveness. */
final class ReceiverSessionHandler extends SimpleChannelInboundHandler<Frame> {
    private static final Logger log = LoggerFactory.getLogger(ReceiverSessionHandler.class);
    private final GatewayContext gateway;
    private final ReceiverConnection connection;
    private final StatusThrottle throttle;
    /** The newest STATUS that arrived without a token, applied when the next one is due. */
    private Status held;
    private ScheduledFuture<?> heldFlush;

    ReceiverSessionHandler(GatewayContext gateway, ReceiverConnection connection) {
        this.gateway = gateway;
        this.connection = connection;
        this.throttle = new StatusThrottle(gateway.settings().receiverLimits().statusPerSecond(), System.nanoTime());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Frame frame) {
        String station = connection.stationId();
        long id = connection.connectionId();
        if (frame.message() instanceof Status status) {
            if (throttle.tryTake(System.nanoTime())) {
                apply(status);
            } else {
                hold(ctx, status);
            }
            return;
        }
        gateway.registry().heard(station, id);
        if (frame.message() instanceof TimeSyncRequest request) {
            long received = gateway.clock().nowMicros();
            ctx.writeAndFlush(Frame.replyTo(frame, new TimeSyncResponse(request.clientSendMicros(), received,
                    gateway.clock().nowMicros())));
        } else if (frame.message() instanceof Ack) {
            if (!connection.answer(frame.requestId(), Result.ACKNOWLEDGED, null, null)) {
                log.debug("Station {}: ACK for request {} that is no longer pending", station, frame.requestId());
            }
        } else if (frame.message() instanceof ErrorMessage error) {
            onError(ctx, frame, error);
        } else {
            throw new ProtocolException(ErrorCode.UNEXPECTED_MESSAGE, frame.type() + " after the handshake",
                    frame.requestId(), frame.type().code());
        }
    }

    /** A status report is also the sign of life, so one registry update covers both. */
    private void apply(Status status) {
        gateway.registry().statusReported(connection.stationId(), connection.connectionId(),
                StationStatus.from(status, gateway.registry().now()));
    }

    private void hold(ChannelHandlerContext ctx, Status status) {
        if (held != null) {
            gateway.registry().counters().statusThrottled();
        }
        held = status;
        if (heldFlush == null) {
            heldFlush = ctx.executor().schedule(() -> {
                heldFlush = null;
                Status newest = held;
                held = null;
                if (throttle.tryTake(System.nanoTime())) {
                    apply(newest);
                } else {
                    hold(ctx, newest);
                }
            }, throttle.nanosUntilToken(), TimeUnit.NANOSECONDS);
        }
    }

    private void onError(ChannelHandlerContext ctx, Frame frame, ErrorMessage error) {
        if (connection.isCommandReply(frame.requestId(), error.refersType())) {
            connection.answerWithError(frame.requestId(), error);
        } else if (error.fatal()) {
            log.warn("Station {} reports fatal error 0x{}: {}; closing", connection.stationId(),
                    Integer.toHexString(error.code()), error.text());
            connection.noteCloseReason("receiver reported error " + error.errorCode() + ": " + error.text());
            ctx.close();
        } else {
            log.info("Station {} reports error {}: {}", connection.stationId(), error.errorCode(), error.text());
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            long silentMs = gateway.settings().offlineAfterMs();
            log.warn("Station {}: nothing heard for {} ms, marking offline", connection.stationId(), silentMs);
            connection.closeWith(ErrorCode.HEARTBEAT_TIMEOUT, "no frame for " + silentMs + " ms");
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (heldFlush != null) {
            heldFlush.cancel(false);
        }
        gateway.connections().detach(connection);
        connection.failPending();
        log.info("Station {} offline (connection {}): {}", connection.stationId(), connection.connectionId(),
                connection.closeReason());
        ctx.fireChannelInactive();
    }
}
