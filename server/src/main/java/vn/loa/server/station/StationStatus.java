package vn.loa.server.station;

import java.time.Instant;
import vn.loa.protocol.message.Status;

/** The last STATUS a receiver reported, in units a person reads (°C, dBm), with when it arrived. */
public record StationStatus(int volume, boolean muted, boolean amplifierOn, boolean speakerLineFault,
                            boolean amplifierFault, boolean testTonePlaying, Double temperatureC,
                            Integer signalDbm, String link, long uptimeSeconds, long bufferMs, Long sessionId,
                            Instant reportedAt) {

    public static StationStatus from(Status s, Instant reportedAt) {
        Double temperature = s.temperatureDeci() == Status.NOT_AVAILABLE ? null : s.temperatureDeci() / 10.0;
        Integer signal = s.signalDbm() == Status.NOT_AVAILABLE ? null : (int) s.signalDbm();
        return new StationStatus(s.volume(), s.muted(), s.amplifierOn(), s.speakerLineFault(), s.amplifierFault(),
                s.testTonePlaying(), temperature, signal, s.link().name(), s.uptimeSeconds(), s.bufferMs(),
                s.sessionId() == 0 ? null : s.sessionId(), reportedAt);
    }
}
