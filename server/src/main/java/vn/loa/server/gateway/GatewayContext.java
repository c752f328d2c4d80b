package vn.loa.server.gateway;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import vn.loa.server.auth.StationSecrets;
import vn.loa.server.config.ServerSettings;
import vn.loa.server.identity.ServerIdentity;
import vn.loa.server.station.StationDirectory;
import vn.loa.server.station.StationRegistry;

/**
 * What every receiver pipeline shares: settings, the directory, secrets, registry, connections, clock,
 * the handshake slots and the key WELCOME is signed with.
 */
record GatewayContext(ServerSettings settings, StationDirectory directory, StationSecrets secrets,
                      StationRegistry registry, ConnectionTable connections, ServerClock clock,
                      SecureRandom random, AtomicLong connectionIds, PreAuthSlots preAuth,
                      ServerIdentity identity) {

    /** Connection ids are u32 on the wire; 0 is never handed out because it means "offline". */
    long nextConnectionId() {
        long id = connectionIds.incrementAndGet() & 0xFFFF_FFFFL;
        return id == 0 ? nextConnectionId() : id;
    }
}
