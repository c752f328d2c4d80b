package vn.loa.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import vn.loa.server.alert.AlertDraft;
import vn.loa.server.broadcast.BroadcastRequest;

/**
 * Any JSON body sent to a write endpoint maps into its request record or is refused with a 400 that
 * says why: never another exception, which the API would answer with a 500. The first byte picks the
 * record; the rest is the body. Seeds and kept crash inputs:
 * {@code RequestBodyFuzzTestInputs/anyBodyMapsOrIsABadRequest}.
 */
class RequestBodyFuzzTest {
    private static final List<Class<?>> BODIES = List.of(BroadcastRequest.class, AlertDraft.class,
            SchedulesApi.ScheduleRequest.class, PlaylistsApi.PlaylistRequest.class, UsersApi.UserRequest.class,
            UsersApi.TokenRequest.class, StationsApi.CommandRequest.class, AlertsApi.CancelRequest.class);

    @FuzzTest(maxDuration = "20s")
    @DictionaryEntries({"\"title\"", "\"media\"", "\"playlist\"", "\"targets\"", "\"stations\"", "\"areas\"",
        "\"tags\"", "\"all\"", "\"priority\"", "\"EMERGENCY\"", "\"onPreempt\"", "\"issuerLevel\"",
        "\"resumeDeadline\"", "\"maxDurationSeconds\"", "\"repeat\"", "\"attentionTone\"", "\"at\"", "\"when\"",
        "\"message\"", "\"expiresAt\"", "\"correction\"", "\"broadcast\"", "\"recurrence\"", "\"type\"",
        "\"once\"", "\"daily\"", "\"weekly\"", "\"monthly\"", "\"cron\"", "\"times\"", "\"days\"",
        "\"daysOfMonth\"", "\"expression\"", "\"timeZone\"", "\"validFrom\"", "\"validUntil\"", "\"misfire\"",
        "\"sameClass\"", "\"allowConflicts\"", "\"policy\"", "\"items\"", "\"path\"", "\"version\"", "\"name\"",
        "\"displayName\"", "\"role\"", "\"scopes\"", "\"disabled\"", "\"label\"", "\"validDays\"", "\"command\"",
        "\"argument\"", "\"airCorrection\"", "\"2026-11-29T07:00:00Z\"", "\"07:30\"", "\"MONDAY\"", "null",
        "true", "1e999", "-2147483649", "[", "]", "{", "}", ":", ","})
    void anyBodyMapsOrIsABadRequest(byte[] input) {
        if (input.length == 0) {
            return;
        }
        Class<?> type = BODIES.get((input[0] & 0xFF) % BODIES.size());
        byte[] body = Arrays.copyOfRange(input, 1, input.length);
        ApiRequest request = new ApiRequest(HttpMethod.POST, "/api/fuzz", Map.of(), "application/json", body,
                List.of(), "127.0.0.1", null, null);
        try {
            assertNotNull(Json.body(request, type));
        } catch (ApiException refused) {
            assertEquals(HttpResponseStatus.BAD_REQUEST, refused.status(), refused.getMessage());
            assertFalse(refused.getMessage() == null || refused.getMessage().isBlank(), "a refusal says why");
        }
    }
}
