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
        long now = gateway.clock().nowMicros();
        long sequence = lastSequence.merge(stationId, now, (last, clock) -> Math.max(last + 1, clock));
        long timeoutMs = gateway.settings().commandTimeoutMs();
        CompletableFuture<CommandOutcome> result = new CompletableFuture<>();
        connection.send(command, argument, sequence, now + timeoutMs * 1000, timeoutMs, result);
        return result;
    }

    private static CompletableFuture<CommandOutcome> done(String id, CommandType c, int arg, Result r, String why) {
        return CompletableFuture.completedFuture(CommandOutcome.of(id, c, arg, r, why));
    }
}
