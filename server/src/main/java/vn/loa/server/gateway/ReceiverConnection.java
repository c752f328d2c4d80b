package vn.loa.server.gateway;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import vn.loa.protocol.Capability;
import vn.loa.protocol.CommandType;
import vn.loa.protocol.ErrorCode;
import vn.loa.protocol.Frame;
import vn.loa.protocol.FrameFormat;
import vn.loa.protocol.MessageType;
import vn.loa.protocol.message.Command;
import vn.loa.protocol.message.ErrorMessage;
import vn.loa.server.station.CommandOutcome;
import vn.loa.server.station.CommandOutcome.Result;

/**
 * One authenticated receiver link. Mutable state (pending commands, request ids, close reason) is only
 * touched on the channel's event loop, so it needs no locks; other threads hand work over with execute().
 */
final class ReceiverConnection {
    static final AttributeKey<ReceiverConnection> KEY = AttributeKey.valueOf("loa.receiver");

    private final String stationId;
    private final long connectionId;
    private final Channel channel;
    private final Set<Capability> capabilities;
    private final ChannelOutlet outlet;
    private final Map<Long, PendingCommand> pending = new HashMap<>();
    private long nextRequestId = 1;
    private String closeReason = "connection closed by the receiver";

    ReceiverConnection(String stationId, long connectionId, Channel channel, Set<Capability> capabilities) {
        this.stationId = stationId;
        this.connectionId = connectionId;
        this.channel = channel;
        this.capabilities = Set.copyOf(capabilities);
        this.outlet = new ChannelOutlet(channel);
    }

    /** How playout reaches this receiver; one per connection, not one per audio chunk. */
    ChannelOutlet outlet() {
        return outlet;
    }

    String stationId() {
        return stationId;
    }

    long connectionId() {
        return connectionId;
    }

    Channel channel() {
        return channel;
    }

    Set<Capability> capabilities() {
        return capabilities;
    }

    String closeReason() {
        return closeReason;
    }

    /** Sends an ERROR and closes; the reason is what the registry will show as offlineReason. */
    void closeWith(ErrorCode code, String reason) {
        channel.eventLoop().execute(() -> {
            closeReason = reason;
            if (channel.isActive()) {
                channel.writeAndFlush(Frame.of(ErrorMessage.of(code, 0, reason)))
                        .addListener(f -> channel.close());
            }
        });
    }

    io.netty.channel.ChannelFuture closeFuture() {
        return channel.closeFuture();
    }

    void noteCloseReason(String reason) {
        closeReason = reason;
    }

    /** @param stamp numbers the command on this event loop, in the order commands are written */
    void send(CommandType type, int argument, Supplier<GatewayStationControl.CommandStamp> stamp, long timeoutMs,
              CompletableFuture<CommandOutcome> result) {
        channel.eventLoop().execute(() -> {
            PendingCommand command = new PendingCommand(stationId, type, argument, result);
            if (!channel.isActive()) {
                command.finish(Result.DISCONNECTED, null, "the connection closed before the command was sent");
                return;
            }
            long requestId = nextRequestId();
            pending.put(requestId, command);
            command.timeout(channel.eventLoop().schedule(() -> answer(requestId, Result.TIMED_OUT, null,
                    "no answer within " + timeoutMs + " ms"), timeoutMs, TimeUnit.MILLISECONDS));
            GatewayStationControl.CommandStamp numbered = stamp.get();
            channel.writeAndFlush(Frame.request(requestId, new Command(type.code(), argument, numbered.sequence(),
                            numbered.expiresAtMicros())))
                    .addListener(f -> {
                        if (!f.isSuccess()) {
                            answer(requestId, Result.DISCONNECTED, null, "write failed: " + f.cause().getMessage());
                        }
                    });
        });
    }

    /** @return false when no command waits for this request id (the ERROR is about something else). */
    boolean answer(long requestId, Result result, String errorCode, String detail) {
        PendingCommand command = pending.remove(requestId);
        if (command == null) {
            return false;
        }
        command.finish(result, errorCode, detail);
        return true;
    }

    boolean answerWithError(long requestId, ErrorMessage error) {
        ErrorCode code = error.errorCode();
        return answer(requestId, Result.REJECTED, code == null ? String.format("0x%04X", error.code()) : code.name(),
                error.text());
    }

    boolean isCommandReply(long requestId, int refersType) {
        return pending.containsKey(requestId) && (refersType == 0 || refersType == MessageType.COMMAND.code());
    }

    /** Called once the channel is inactive: nothing pending can be answered any more. */
    void failPending() {
        for (PendingCommand command : pending.values()) {
            command.finish(Result.DISCONNECTED, null, "the connection closed: " + closeReason);
        }
        pending.clear();
    }

    private long nextRequestId() {
        long id = nextRequestId;
        nextRequestId = id == FrameFormat.MAX_REQUEST_ID ? 1 : id + 1;
        return id;
    }
}
