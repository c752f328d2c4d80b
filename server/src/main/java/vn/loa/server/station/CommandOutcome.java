package vn.loa.server.station;

import vn.loa.protocol.CommandType;

/**
 * How a remote command ended. Expected failures (offline, refused, timed out) are outcomes, not
 * exceptions, because a technician acting on a remote commune sees them every day.
 */
public record CommandOutcome(String stationId, CommandType command, int argument, Result result,
                             String errorCode, String detail, long latencyMs) {

    public enum Result {
        /** The receiver applied it and said ACK. */
        ACKNOWLEDGED,
        /** The receiver answered ERROR; errorCode and detail say why. */
        REJECTED,
        /** The station has no live connection. */
        OFFLINE,
        /** The receiver did not declare the capability this command needs. */
        UNSUPPORTED,
        /** No answer within the command timeout. */
        TIMED_OUT,
        /** The connection closed before an answer came. */
        DISCONNECTED
    }

    public static CommandOutcome of(String stationId, CommandType command, int argument, Result result,
                                    String detail) {
        return new CommandOutcome(stationId, command, argument, result, null, detail, -1);
    }
}
