package vn.loa.sim;

import java.util.ArrayDeque;
import vn.loa.protocol.message.AudioStart;

/** One session in a receiver's jitter buffer: the frames waiting with their due times, and the counts. */
final class PlayingSession {
    record BufferedFrame(long dueMicros, byte[] bytes) {
    }

    final AudioStart start;
    final ArrayDeque<BufferedFrame> buffer = new ArrayDeque<>();
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
