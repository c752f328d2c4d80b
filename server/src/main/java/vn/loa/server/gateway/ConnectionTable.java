package vn.loa.server.gateway;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import vn.loa.protocol.Capability;
import vn.loa.server.station.StationRegistry;

/**
 * The live connection of each station, kept in step with the registry: attaching a connection and
 * marking the station online happen as one step, so two connections racing for the same station
 * cannot leave the registry pointing at the loser.
 */
final class ConnectionTable {
    private final ConcurrentMap<String, ReceiverConnection> byStation = new ConcurrentHashMap<>();
    private final StationRegistry registry;

    ConnectionTable(StationRegistry registry) {
        this.registry = registry;
    }

    /** @return the connection this one replaces, or null. */
    ReceiverConnection attach(ReceiverConnection connection, String remoteAddress, String firmware) {
        ReceiverConnection[] previous = {null};
        byStation.compute(connection.stationId(), (id, old) -> {
            previous[0] = old;
            registry.connected(id, connection.connectionId(), remoteAddress, firmware, capabilityNames(connection));
            return connection;
        });
        return previous[0];
    }

    void detach(ReceiverConnection connection) {
        byStation.remove(connection.stationId(), connection);
        registry.disconnected(connection.stationId(), connection.connectionId(), connection.closeReason());
    }

    ReceiverConnection get(String stationId) {
        return byStation.get(stationId);
    }

    List<ReceiverConnection> all() {
        return List.copyOf(byStation.values());
    }

    private static Set<String> capabilityNames(ReceiverConnection c) {
        return c.capabilities().stream().map(Capability::name).collect(Collectors.toSet());
    }
}
