package vn.loa.server.playout;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every listen-in tap, so a second one (a recorder beside the browser listeners) adds to the first
 * instead of replacing it. Each tap that listens gets its own reference to the frames.
 */
final class ListenTaps implements ListenTap {
    private final List<ListenTap> taps = new CopyOnWriteArrayList<>();

    void add(ListenTap tap) {
        taps.add(tap);
    }

    @Override
    public boolean listening(String station) {
        for (ListenTap t : taps) {
            if (t.listening(station)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void audio(String station, ByteBuf mp3) {
        try {
            for (ListenTap t : taps) {
                if (t.listening(station)) {
                    t.audio(station, mp3.retainedDuplicate());
                }
            }
        } finally {
            mp3.release();
        }
    }
}
