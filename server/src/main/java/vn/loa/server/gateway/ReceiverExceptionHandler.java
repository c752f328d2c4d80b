package vn.loa.server.gateway;

import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import java.io.IOException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.protocol.ErrorCode;
import vn.loa.protocol.Frame;
import vn.loa.protocol.ProtocolException;
import vn.loa.protocol.message.ErrorMessage;

/**
 * The last handler of every receiver pipeline and the only place that turns failures into replies:
 * a protocol violation is answered with its coded ERROR, then the link is closed. Only this one
 * connection is affected; every other receiver carries on.
 */
@Sharable
final class ReceiverExceptionHandler extends ChannelInboundHandlerAdapter {
    static final ReceiverExceptionHandler INSTANCE = new ReceiverExceptionHandler();
    private static final Logger log = LoggerFactory.getLogger(ReceiverExceptionHandler.class);

    private ReceiverExceptionHandler() {
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ReceiverConnection connection = ctx.channel().attr(ReceiverConnection.KEY).get();
        String who = connection != null ? "station " + connection.stationId() : String.valueOf(ctx.channel().remoteAddress());
        if (cause instanceof ProtocolException e) {
            log.warn("Closing {}: {}", who, e.getMessage());
            noteReason(connection, "protocol error " + e.getMessage());
            if (e.code() == ErrorCode.TRUNCATED_FRAME || !ctx.channel().isActive()) {
                ctx.close();
                return;
            }
            ctx.writeAndFlush(new Frame(e.requestId(), 0, ErrorMessage.of(e.code(), e.refersType(), e.detail())))
                    .addListener(ChannelFutureListener.CLOSE);
        } else if (cause.getCause() instanceof SSLException || cause instanceof SSLException) {
            // Plain TCP to the TLS port, or a certificate the peer refused: nothing can be answered in clear.
            log.warn("Closing {}: TLS failed: {}", who, (cause.getCause() != null ? cause.getCause() : cause).getMessage());
            noteReason(connection, "TLS failed");
            ctx.close();
        } else if (cause instanceof IOException) {
            log.debug("Closing {}: {}", who, cause.toString());
            noteReason(connection, "network error: " + cause.getMessage());
            ctx.close();
        } else {
            log.error("Closing {} after an unexpected failure", who, cause);
            noteReason(connection, "server fault: " + cause);
            ctx.writeAndFlush(Frame.of(ErrorMessage.of(ErrorCode.INTERNAL_ERROR, 0, "internal error")))
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static void noteReason(ReceiverConnection connection, String reason) {
        if (connection != null) {
            connection.noteCloseReason(reason);
        }
    }
}
