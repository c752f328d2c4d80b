package vn.loa.server.media.convert;

import vn.loa.server.media.MediaEntry;

/** The MP3 every receiver gets: one sample rate, channel count and constant bit rate for the whole library. */
public record StationFormat(int sampleRate, int channels, int bitrateKbps) {
    /** Speech over horns: 44.1 kHz mono at 64 kbit/s is clear and costs a mobile link little. */
    public static final StationFormat DEFAULT = new StationFormat(44_100, 1, 64);

    public StationFormat {
        if (sampleRate != 44_100 && sampleRate != 48_000 && sampleRate != 32_000 && sampleRate != 22_050
                && sampleRate != 24_000 && sampleRate != 16_000) {
            throw new IllegalArgumentException("media.station.sampleRate " + sampleRate + " is not an MP3 sample rate");
        }
        if (channels != 1 && channels != 2 || bitrateKbps < 8 || bitrateKbps > 320) {
            throw new IllegalArgumentException("media.station: channels must be 1 or 2, bitrateKbps 8..320");
        }
    }

    /** Whether an accepted library file is already in this format (constant bit rate included). */
    public boolean fits(MediaEntry entry) {
        return entry.accepted() && entry.sampleRate() != null && entry.sampleRate() == sampleRate
                && entry.channels() != null && entry.channels() == channels && Boolean.FALSE.equals(entry.vbr())
                && entry.bitrate() != null && Math.abs(entry.bitrate() - bitrateKbps * 1000L) < 1000;
    }

    @Override
    public String toString() {
        return sampleRate + " Hz, " + (channels == 1 ? "mono" : "stereo") + ", " + bitrateKbps + " kbit/s CBR";
    }
}
