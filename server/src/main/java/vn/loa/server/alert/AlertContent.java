package vn.loa.server.alert;

import java.util.List;
import vn.loa.server.broadcast.BroadcastRequest;

/**
 * What an alert airs and where, as the officer drafted it; kept as one JSON document.
 *
 * @param media          the recorded message (library paths)
 * @param attentionTone  the configured tone before the message
 * @param repeat         how many times the message airs (1-10)
 * @param correction     library paths of a prepared correction, aired on request when the alert is cancelled
 * @param spoken         library path of the speech made from the message when no recording was given (then
 *                       also {@code media}); null when the officer gave the recording. Kept for the record.
 */
public record AlertContent(List<String> media, Boolean attentionTone, BroadcastRequest.Targets targets, Integer repeat,
                           List<String> correction, String spoken) {

    /** Whether a draft has a message to speak and nothing recorded: its audio is then made by TTS. */
    public static boolean needsSpeech(AlertDraft d) {
        return (d.media() == null || d.media().isEmpty()) && d.message() != null && !d.message().isBlank();
    }
}
