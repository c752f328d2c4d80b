package vn.loa.server.alert;

import java.util.List;

/**
 * What a LIVE alert would reach, shown before anyone presses the button.
 *
 * @param communes         the communes (names) its stations stand in
 * @param testStations     the stations a TEST would play on (tagged "test" among the targets)
 * @param needsConfirmation whether LIVE waits for a second officer
 */
public record AlertPreview(long alert, int stations, int online, List<String> stationIds, List<String> communes,
                           List<String> testStations, boolean needsConfirmation, long durationMs) {
}
