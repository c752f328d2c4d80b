package vn.loa.sim;

import java.util.ArrayDeque;
import vn.loa.protocol.message.AudioStart;

/** One session in a receiver's jitter buffer: the chunks waiting with their due times, and the counts. */
final class PlayingSession {
    /**
     * A received chunk: {@code frames} MP3 frames of equal length in time, the first due at
     * {@code firstDueMicros}. One object per chunk, not per frame: ten thousand receivers in one JVM
     * otherwise allocate and queue four hundred thousand frames a second. The frame bytes are kept only
     * when the receiver records what it plays.
     */
    static final class BufferedChunk {
        final long firstDueMicros;
        final long frameMicros;
        final int frames;
        final byte[][] bytes;
        /** When it arrived, server clock: a frame is heard at its due time, or on arrival if that is later. */
        final long arrivedMicros;
        int played;

        BufferedChunk(long firstDueMicros, long frameMicros, int frames, byte[][] bytes, long arrivedMicros) {
            this.firstDueMicros = firstDueMicros;
            this.arrivedMicros = arrivedMicros;
            this.frameMicros = frameMicros;
            this.frames = frames;
            this.bytes = bytes;
        }

        long nextDueMicros() {
            return firstDueMicros + played * frameMicros;
        }

        long endMicros() {
            return firstDueMicros + frames * frameMicros;
        }

        boolean done() {
            return played >= frames;
        }
    }

    final AudioStart start;
    final ArrayDeque<BufferedChunk> buffer = new ArrayDeque<>();
    long expectedSequence = -1;
    long missedChunks;
    long badFrames;
    long framesPlayed;
    long underruns;
    boolean starving;
    boolean audible;
    /** Due time of the end of the last buffered frame. */
    long bufferedUntilMicros;
    /** Set by AUDIO_END COMPLETED: play out what is buffered, then stop. */
    boolean draining;

    PlayingSession(AudioStart start) {
        this.start = start;
    }

    long bufferMs(long nowMicros) {
        return Math.max(0, bufferedUntilMicros - nowMicros) / 1000;
    }
}
