package vn.loa.server.station;

import java.util.concurrent.CompletableFuture;
import vn.loa.protocol.CommandType;

/** Remote control of one receiver. Implemented by the gateway; used by the API without knowing sockets. */
public interface StationControl {

    /** Never completes exceptionally: every way a command can end is a {@link CommandOutcome.Result}. */
    CompletableFuture<CommandOutcome> send(String stationId, CommandType command, int argument);
}
