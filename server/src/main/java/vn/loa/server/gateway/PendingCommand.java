package vn.loa.server.gateway;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import vn.loa.protocol.CommandType;
import vn.loa.server.station.CommandOutcome;
import vn.loa.server.station.CommandOutcome.Result;

/** A command sent and not yet answered. Touched only on its connection's event loop. */
final class PendingCommand {
    private final String stationId;
    private final CommandType command;
    private final int argument;
    private final long sentAtNanos = System.nanoTime();
    private final CompletableFuture<CommandOutcome> result;
    private ScheduledFuture<?> timeout;

    PendingCommand(String stationId, CommandType command, int argument, CompletableFuture<CommandOutcome> result) {
        this.stationId = stationId;
        this.command = command;
        this.argument = argument;
        this.result = result;
    }

    void timeout(ScheduledFuture<?> timeout) {
        this.timeout = timeout;
    }

    void finish(Result outcome, String errorCode, String detail) {
        if (timeout != null) {
            timeout.cancel(false);
        }
        long latencyMs = (System.nanoTime() - sentAtNanos) / 1_000_000;
        result.complete(new CommandOutcome(stationId, command, argument, outcome, errorCode, detail, latencyMs));
    }
}
