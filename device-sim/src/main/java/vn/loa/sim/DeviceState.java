package vn.loa.sim;

import java.util.concurrent.ThreadLocalRandom;
import vn.loa.protocol.LinkType;
import vn.loa.protocol.message.Status;

/**
 * The virtual hardware of one receiver: what commands change and STATUS reports. Tests and the
 * receiver's event loop both touch it, hence the synchronisation; it is tiny and never contended.
 */
public final class DeviceState {
    private int volume = 70;
    private boolean muted;
    private boolean amplifierOn = true;
    private boolean speakerLineFault;
    private boolean amplifierFault;
    private long testToneUntilMs;
    private double temperatureC;
    private int signalDbm;
    private final LinkType link;
    private long bootedAtMs = System.currentTimeMillis();

    public DeviceState(String stationId) {
        // Derived from the id so a station looks the same in every run.
        int h = Math.floorMod(stationId.hashCode(), 1000);
        link = h % 3 == 0 ? LinkType.ETHERNET : LinkType.CELLULAR;
        temperatureC = 30 + h % 10;
        signalDbm = -60 - h % 30;
    }

    public synchronized int volume() {
        return volume;
    }

    public synchronized boolean muted() {
        return muted;
    }

    public synchronized boolean amplifierOn() {
        return amplifierOn;
    }

    public synchronized void setVolume(int volume) {
        this.volume = volume;
    }

    public synchronized void setMuted(boolean muted) {
        this.muted = muted;
    }

    public synchronized void setAmplifierOn(boolean on) {
        this.amplifierOn = on;
    }

    public synchronized void playTestTone(int seconds) {
        testToneUntilMs = System.currentTimeMillis() + seconds * 1000L;
    }

    public synchronized void setSpeakerLineFault(boolean fault) {
        this.speakerLineFault = fault;
    }

    public synchronized void setAmplifierFault(boolean fault) {
        this.amplifierFault = fault;
    }

    public synchronized void setTemperatureC(double celsius) {
        this.temperatureC = celsius;
    }

    public synchronized void reboot() {
        bootedAtMs = System.currentTimeMillis();
        testToneUntilMs = 0;
    }

    /** The cabinet warms and cools a little between reports, as real ones do in the sun. */
    synchronized void drift() {
        temperatureC = Math.max(15, Math.min(70, temperatureC + ThreadLocalRandom.current().nextDouble(-0.3, 0.3)));
        if (link == LinkType.CELLULAR) {
            signalDbm = Math.max(-110, Math.min(-50, signalDbm + ThreadLocalRandom.current().nextInt(-2, 3)));
        }
    }

    synchronized Status toStatus(long sessionId, long bufferMs) {
        long now = System.currentTimeMillis();
        short signal = link == LinkType.CELLULAR ? (short) signalDbm : Status.NOT_AVAILABLE;
        return new Status(volume, muted, amplifierOn, speakerLineFault, amplifierFault, now < testToneUntilMs,
                (short) Math.round(temperatureC * 10), signal, link, (now - bootedAtMs) / 1000, bufferMs, sessionId);
    }
}
