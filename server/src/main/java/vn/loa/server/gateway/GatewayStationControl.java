package vn.loa.server.gateway;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import vn.loa.protocol.CommandType;
import vn.loa.server.station.CommandOutcome;
import vn.loa.server.station.CommandOutcome.Result;
import vn.loa.server.station.StationControl;

/**
 * Sends commands over the station's live connection. Sequences are per station and start at the
 * server's clock in microseconds, so they keep rising across reconnects and server restarts alike,
 * which is what lets receivers refuse a replayed command.
 */
final class GatewayStationControl implements StationControl {
    /** What a command gets at the moment it is written: its sequence and the server time it expires at. */
    record CommandStamp(long sequence, long expiresAtMicros) {
    }


    private final GatewayContext gateway;
    private final ConcurrentMap<String, Long> lastSequence = new ConcurrentHashMap<>();

    GatewayStationControl(GatewayContext gateway) {
        this.gateway = gateway;
    }

    @Override
    public CompletableFuture<CommandOutcome> send(String stationId, CommandType command, int argument) {
        if (!command.acceptsArgument(argument)) {
            throw new IllegalArgumentException(command + " takes " + command.argumentRange() + ", not " + argument);
        }
        ReceiverConnection connection = gateway.connections().get(stationId);
        if (connection == null) {
            return done(stationId, command, argument, Result.OFFLINE, "station " + stationId + " is not connected");
        }
        if (!connection.capabilities().contains(command.capability())) {
            return done(stationId, command, argument, Result.UNSUPPORTED,
                    "the receiver did not declare " + command.capability());
        }
        long timeoutMs = gateway.settings().commandTimeoutMs();
        CompletableFuture<CommandOutcome> result = new CompletableFuture<>();
        connection.send(command, argument, () -> stamp(stationId, timeoutMs), timeoutMs, result);
        return result;
    }

    /**
     * Called on the connection's event loop just before the write, so sequences rise in the order the
     * commands reach the wire: numbered on the caller's thread, two concurrent commands could be sent
     * in the other order, and the receiver would refuse the earlier number as a replay.
     */
    private CommandStamp stamp(String stationId, long timeoutMs) {
        long now = gateway.clock().nowMicros();
        long sequence = lastSequence.merge(stationId, now, (last, clock) -> Math.max(last + 1, clock));
        return new CommandStamp(sequence, now + timeoutMs * 1000);
    }

    private static CompletableFuture<CommandOutcome> done(String id, CommandType c, int arg, Result r, String why) {
        return CompletableFuture.completedFuture(CommandOutcome.of(id, c, arg, r, why));
    }
}
