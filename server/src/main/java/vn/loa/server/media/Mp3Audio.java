package vn.loa.server.media;

import java.util.List;

/**
 * The audio frames of one validated MP3, tags and VBR header frame removed: exactly what receivers are
 * sent. {@code frameStarts} has one entry per frame plus the end, so frame i is
 * {@code audio[frameStarts[i] .. frameStarts[i+1])}.
 */
public record Mp3Audio(byte[] audio, int[] frameStarts, String mpegVersion, int sampleRate, int channels,
                       int samplesPerFrame, long averageBitrate, boolean vbr, List<String> warnings) {

    public int frameCount() {
        return frameStarts.length - 1;
    }

    public long frameDurationMicros() {
        return samplesPerFrame * 1_000_000L / sampleRate;
    }

    public long durationMillis() {
        return (long) frameCount() * samplesPerFrame * 1000 / sampleRate;
    }

    public int frameStart(int frame) {
        return frameStarts[frame];
    }

    /** Index of the frame playing at {@code offsetMillis} into the file (resume points). */
    public int frameAt(long offsetMillis) {
        long frame = offsetMillis * sampleRate / 1000 / samplesPerFrame;
        return (int) Math.max(0, Math.min(frameCount(), frame));
    }
}
