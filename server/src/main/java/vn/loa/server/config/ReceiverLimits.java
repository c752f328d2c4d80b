package vn.loa.server.config;

/**
 * What one receiver, or one address, may cost the server before and after it has authenticated
 * (server.yaml {@code receiverLimits}).
 *
 * @param preAuthConnections  connections still in the handshake, all addresses together; beyond it the oldest is closed
 * @param preAuthPerAddress   connections still in the handshake from one remote address; beyond it that
 *                            address's oldest is closed
 * @param statusPerSecond     STATUS reports one authenticated connection may have applied per second (bursts
 *                            of twice that); faster ones are folded into the newest, applied when due
 * @param historyRowsPerMinute station history rows one station may add per minute; changes beyond it are
 *                            counted and summed up in one row when the minute ends
 */
public record ReceiverLimits(int preAuthConnections, int preAuthPerAddress, int statusPerSecond,
                             int historyRowsPerMinute) {

    /**
     * A restarted server sees its whole province reconnect within seconds, but each handshake lasts a few
     * milliseconds, so a thousand at once is far above need; 32 per address leaves room for receivers
     * behind one carrier NAT while one machine cannot hold the gateway's sockets.
     */
    public static final ReceiverLimits DEFAULT = new ReceiverLimits(1_024, 32, 10, 12);

    public ReceiverLimits {
        if (preAuthConnections < 1 || preAuthPerAddress < 1 || preAuthPerAddress > preAuthConnections) {
            throw new ConfigException("receiverLimits: need 1 <= preAuthPerAddress <= preAuthConnections, got "
                    + preAuthPerAddress + " and " + preAuthConnections);
        }
        if (statusPerSecond < 1 || historyRowsPerMinute < 1) {
            throw new ConfigException("receiverLimits: statusPerSecond and historyRowsPerMinute must be at least 1");
        }
    }
}
