package vn.loa.server.media.convert;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passes progress on only when it moved by at least five points (and always the end), so a long
 * conversion tells its watchers twenty times, not twice a second for ten minutes.
 */
final class ThrottledProgress implements AudioIngest.ProgressSink {
    private static final int STEP = 5;
    private final AudioIngest.ProgressSink next;
    private final Map<String, Integer> last = new ConcurrentHashMap<>();

    ThrottledProgress(AudioIngest.ProgressSink next) {
        this.next = next;
    }

    @Override
    public void progress(String upload, int percent) {
        Integer before = last.get(upload);
        if (percent >= 100) {
            last.remove(upload);
            next.progress(upload, 100);
        } else if (before == null || percent >= before + STEP || percent < before) { // below: a new run of that name
            last.put(upload, percent);
            next.progress(upload, percent);
        }
    }
}
