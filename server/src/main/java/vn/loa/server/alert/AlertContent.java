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
 */
public record AlertContent(List<String> media, Boolean attentionTone, BroadcastRequest.Targets targets, Integer repeat,
                           List<String> correction) {
}
