package vn.loa.server.tts;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import vn.loa.server.alert.AlertVoice;
import vn.loa.server.auth.Principal;

/**
 * An alert's message spoken with the default voice at normal speed and added to the library in the
 * officer's name ("canh-bao-20261129-190512-1.mp3"), so it can be heard again and reported on like any
 * recording. It is encoded at the attention tone's sample rate: the two air in one session.
 */
public final class SpokenAlerts implements AlertVoice {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private final SpeechService speech;
    private final SpeechLibrary library;
    private final ZoneId zone;
    private final AtomicInteger sequence = new AtomicInteger();
    private final Supplier<Integer> toneRate;

    /** @param toneRate the attention tone's sample rate, which the speech must share (null: no tone) */
    public SpokenAlerts(SpeechService speech, SpeechLibrary library, ZoneId zone, Supplier<Integer> toneRate) {
        this.speech = speech;
        this.library = library;
        this.zone = zone;
        this.toneRate = toneRate;
    }

    /**
     * The area the speech belongs to: the officer's own when they have one (or the root for an admin);
     * for an officer over several communes the first of them by id, so the alert is never refused for
     * want of an area and the officer can still change or delete the file.
     */
    private static String areaOf(Principal who) {
        return who.everywhere() || who.scopes().size() <= 1 ? null : new java.util.TreeSet<>(who.scopes()).first();
    }

    @Override
    public void discard(String path, Principal who) {
        library.remove(path, who);
    }

    @Override
    public CompletableFuture<String> speak(String title, String message, Principal who) {
        String name = "canh-bao-" + LocalDateTime.now(zone).format(STAMP) + "-" + sequence.incrementAndGet() + ".mp3";
        return speech.speak(message, null, null).thenApplyAsync(wav -> {
            try {
                return library.add(wav, name, who, toneRate.get(), areaOf(who)).path();
            } finally {
                WorkFiles.delete(wav);
            }
        }, speech.pool());
    }
}
