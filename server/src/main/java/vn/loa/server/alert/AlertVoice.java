package vn.loa.server.alert;

import java.util.concurrent.CompletableFuture;
import vn.loa.server.auth.Principal;

/**
 * Speaks an alert's message when the officer gave text and no recording (issue 16): the future ends with
 * the library path of the new recording. Slow (seconds), so it completes on the speech pool, never on the
 * API's threads.
 */
public interface AlertVoice {
    CompletableFuture<String> speak(String title, String message, Principal who);

    /** Takes back a recording {@link #speak} made for a draft that was then refused, so no orphan stays. */
    void discard(String path, Principal who);
}
