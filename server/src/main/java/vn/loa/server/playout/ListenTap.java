package vn.loa.server.playout;

import io.netty.buffer.ByteBuf;

/**
 * Hands the MP3 frames a station is being sent to whoever listens in. Called on the playout thread:
 * an implementation must only pass the buffer on, never wait.
 */
public interface ListenTap {
    ListenTap NONE = new ListenTap() {
        @Override
        public boolean listening(String station) {
            return false;
        }

        @Override
        public void audio(String station, ByteBuf mp3) {
            mp3.release();
        }
    };

    /** Cheap, so playout can skip stations nobody listens to. */
    boolean listening(String station);

    /** The frames of one chunk; the tap owns the buffer and must release it. */
    void audio(String station, ByteBuf mp3);
}
