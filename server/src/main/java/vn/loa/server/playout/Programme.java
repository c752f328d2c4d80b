package vn.loa.server.playout;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import vn.loa.server.media.Mp3Audio;

/**
 * A session's whole timeline: its items in order, repeated as asked, addressed by one frame index.
 * All items share one sample rate, so every frame lasts the same and positions are simple arithmetic.
 */
public final class Programme {
    private final List<ProgrammeItem> items;
    private final int[] firstFrame;
    private final int totalFrames;
    private final int sampleRate;
    private final long frameMicros;
    private final long bitrate;

    /** @throws IllegalArgumentException naming the item whose sample rate differs from the first one. */
    public Programme(List<ProgrammeItem> parts, int repeat) {
        if (parts.isEmpty() || repeat < 1) {
            throw new IllegalArgumentException("a programme needs at least one item, played at least once");
        }
        Mp3Audio first = parts.get(0).audio();
        for (ProgrammeItem p : parts) {
            if (p.audio().sampleRate() != first.sampleRate()) {
                throw new IllegalArgumentException(p.path() + " is " + p.audio().sampleRate() + " Hz but "
                        + parts.get(0).path() + " is " + first.sampleRate() + " Hz; a session plays one sample rate");
            }
        }
        List<ProgrammeItem> all = new ArrayList<>();
        for (int r = 0; r < repeat; r++) {
            all.addAll(parts);
        }
        this.items = List.copyOf(all);
        this.firstFrame = new int[items.size() + 1];
        long bits = 0;
        for (int i = 0; i < items.size(); i++) {
            firstFrame[i + 1] = firstFrame[i] + items.get(i).audio().frameCount();
            bits += items.get(i).audio().averageBitrate() * items.get(i).audio().frameCount();
        }
        this.totalFrames = firstFrame[items.size()];
        this.sampleRate = first.sampleRate();
        this.frameMicros = first.frameDurationMicros();
        this.bitrate = bits / totalFrames;
    }

    public int totalFrames() {
        return totalFrames;
    }

    public long frameMicros() {
        return frameMicros;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public long bitrate() {
        return bitrate;
    }

    public long durationMillis() {
        return totalFrames * frameMicros / 1000;
    }

    public long offsetMillis(int frame) {
        return frame * frameMicros / 1000;
    }

    public int frameAtMillis(long millis) {
        return (int) Math.max(0, Math.min(totalFrames, millis * 1000 / frameMicros));
    }

    /** Index of the item holding frame {@code frame}. */
    public int itemAt(int frame) {
        for (int i = items.size() - 1; i >= 0; i--) {
            if (frame >= firstFrame[i]) {
                return i;
            }
        }
        return 0;
    }

    public ProgrammeItem item(int index) {
        return items.get(index);
    }

    public long itemOffsetMillis(int frame) {
        return offsetMillis(frame - firstFrame[itemAt(frame)]);
    }

    /** Frames [from, to) as one buffer wrapping the loaded audio: no copy here. */
    public ByteBuf frames(int from, int to) {
        CompositeByteBuf out = Unpooled.compositeBuffer();
        int f = from;
        while (f < to) {
            int i = itemAt(f);
            Mp3Audio a = items.get(i).audio();
            int localFrom = f - firstFrame[i];
            int localTo = Math.min(to, firstFrame[i + 1]) - firstFrame[i];
            out.addComponent(true, Unpooled.wrappedBuffer(a.audio(), a.frameStart(localFrom),
                    a.frameStart(localTo) - a.frameStart(localFrom)));
            f = firstFrame[i] + localTo;
        }
        return out;
    }
}
