package vn.loa.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.ApiClient;
import vn.loa.server.TestServer;
import vn.loa.server.policy.PolicyRefusal;
import vn.loa.server.store.StorageFault;

/**
 * The console says every refusal in the reader's words, so a code the server can answer with and the
 * console cannot translate is a sentence a commune operator would read in English or not at all.
 */
class ErrorCodesTranslatedTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path I18N = Path.of("src/main/resources/web/i18n");
    private static final String CODE = "\"([a-z][a-z0-9]*(?:_[a-z0-9]+)*)\"";
    /** Every way a code literal reaches a refusal in the sources. */
    private static final List<Pattern> CODE_SITES = List.of(
            Pattern.compile("new ApiException\\(\\s*[^,;]+?,\\s*" + CODE + "\\s*,"),
            Pattern.compile("withCode\\(\\s*" + CODE + "\\s*\\)"),
            Pattern.compile("new (?:[a-z][\\w.]*\\.)?(?:PlanException|AlertRefused|ConfirmationRefused|PolicyRefusal|(?:FailedTokens\\.)?Blocked)\\(\\s*"
                    + CODE + "\\s*,"),
            Pattern.compile("\\berror\\(\\s*HttpResponseStatus\\.[A-Z_]+\\s*,\\s*" + CODE + "\\s*,"),
            Pattern.compile("\\bbody\\(\\s*HttpResponseStatus\\.[A-Z_]+\\s*,\\s*" + CODE + "\\s*,"),
            Pattern.compile("\"code\"\\s*,\\s*" + CODE));
    /** Inside refusal classes, codes also come as defaults and from a switch or a classifier. */
    private static final List<Pattern> REFUSAL_CLASS_SITES = List.of(
            Pattern.compile("\\bthis\\(\\s*" + CODE + "\\s*,"),
            Pattern.compile("->\\s*" + CODE + "\\s*;"),
            Pattern.compile("return\\s+" + CODE + "\\s*;"),
            Pattern.compile("Refused\\([^;]*?,\\s*" + CODE + "\\s*,"));
    private static final Pattern STATUS = Pattern.compile("HttpResponseStatus\\.([A-Z_]+)\\b");

    @Test
    void everyCodeTheServerCanAnswerWithIsTranslatedInBothLanguages() throws IOException {
        TreeMap<String, Set<String>> codes = serverCodes();
        for (String known : List.of("quiet_hours", "outside_scope", "alert_not_draft", "bad_request", "body_too_large",
                "storage_full", "too_many_failed_logins", "mp3_truncated", "name_taken", "forbidden", "not_found")) {
            assertTrue(codes.containsKey(known), "the scan finds " + known + " (so it finds codes at all): " + codes.keySet());
        }
        for (String language : List.of("vi", "en")) {
            JsonNode messages = new ObjectMapper().readTree(I18N.resolve(language + ".json").toFile());
            List<String> missing = new ArrayList<>();
            codes.forEach((code, where) -> {
                if (!messages.has("code." + code) && !messages.has("login.code." + code)) {
                    missing.add(code + " " + where);
                }
            });
            assertTrue(missing.isEmpty(), language + ".json has no code.<code> for " + missing);
        }
    }

    @Test
    void bothLanguagesFillTheSameValuesIntoEachRefusal() throws IOException {
        JsonNode vi = new ObjectMapper().readTree(I18N.resolve("vi.json").toFile());
        JsonNode en = new ObjectMapper().readTree(I18N.resolve("en.json").toFile());
        List<String> differ = new ArrayList<>();
        vi.fieldNames().forEachRemaining(key -> {
            if (key.startsWith("code.") && en.has(key) && !placeholders(vi.get(key).asText()).equals(placeholders(en.get(key).asText()))) {
                differ.add(key);
            }
        });
        assertTrue(differ.isEmpty(), "vi and en name different values in " + differ);
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Code → the source files it is written in. */
    static TreeMap<String, Set<String>> serverCodes() throws IOException {
        TreeMap<String, Set<String>> codes = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path file : files) {
            String text = Files.readString(file);
            String name = file.getFileName().toString();
            List<Pattern> patterns = new ArrayList<>(CODE_SITES);
            boolean refusalClass = name.contains("Refus") || name.contains("Exception") || name.equals("FailedTokens.java")
                    || name.equals("MediaUploads.java");
            if (refusalClass) {
                patterns.addAll(REFUSAL_CLASS_SITES);
            }
            for (Pattern p : patterns) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    codes.computeIfAbsent(m.group(1), c -> new TreeSet<>()).add(name);
                }
            }
            // A status without a precise code answers with the one derived from it (bad_request, not_found, …).
            Matcher status = STATUS.matcher(text);
            while (status.find()) {
                HttpResponseStatus s = statusNamed(status.group(1));
                if (s != null && s.code() >= 400) {
                    codes.computeIfAbsent(ApiException.defaultCode(s), c -> new TreeSet<>()).add(name + " (status)");
                }
            }
        }
        for (PolicyRefusal.Reason r : PolicyRefusal.Reason.values()) {
            codes.computeIfAbsent(r.code(), c -> new TreeSet<>()).add("PolicyRefusal.Reason");
        }
        for (StorageFault f : StorageFault.values()) {
            codes.computeIfAbsent(f.code, c -> new TreeSet<>()).add("StorageFault");
        }
        codes.computeIfAbsent(ApiException.defaultCode(HttpResponseStatus.INTERNAL_SERVER_ERROR), c -> new TreeSet<>())
                .add("ApiHandler (a fault)");
        return codes;
    }

    private static HttpResponseStatus statusNamed(String field) {
        try {
            return (HttpResponseStatus) HttpResponseStatus.class.getField(field).get(null);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return null;
        }
    }

    @Test
    void everyEventReasonLinkAndClassHasItsWordsInBothLanguages() throws Exception {
        List<String> keys = new ArrayList<>();
        for (Class<?> holder : List.of(vn.loa.server.asrun.AsRunEntry.class, vn.loa.server.station.StationEvent.class)) {
            for (java.lang.reflect.Field f : holder.getFields()) {
                if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                    keys.add("event." + f.get(null));
                }
            }
        }
        vn.loa.server.asrun.ReasonCodes.ALL.forEach(c -> keys.add("reason." + c));
        for (vn.loa.protocol.LinkType l : vn.loa.protocol.LinkType.values()) {
            keys.add("link." + l.name());
        }
        for (vn.loa.protocol.Priority p : vn.loa.protocol.Priority.values()) {
            keys.add("class." + p.name());
        }
        for (java.lang.reflect.Field f : vn.loa.server.monitor.Fault.class.getFields()) {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                keys.add("fault." + f.get(null));
            }
        }
        assertTrue(keys.contains("event.PREEMPTED") && keys.contains("event.COALESCED") && keys.contains("reason.NO_HEARTBEAT"),
                keys.toString());
        for (String language : List.of("vi", "en")) {
            JsonNode messages = new ObjectMapper().readTree(I18N.resolve(language + ".json").toFile());
            List<String> missing = keys.stream().filter(k -> !messages.has(k)).toList();
            assertTrue(missing.isEmpty(), language + ".json lacks " + missing);
        }
        assertEquals("PREEMPTED_BY_HIGHER", vn.loa.server.asrun.ReasonCodes.of("preempted by session 4 (EMERGENCY)"));
        assertEquals("NO_HEARTBEAT", vn.loa.server.asrun.ReasonCodes.of("no frame for 15000 ms"));
        assertEquals("GRACE_EXCEEDED", vn.loa.server.asrun.ReasonCodes.of("policy GRACE 10 min exceeded: 2026-11-30T06:00"));
        assertEquals("STOPPED_WHILE_WAITING", vn.loa.server.asrun.ReasonCodes.of("stopped by request while waiting"));
    }

    @Test
    void refusalsCarryTheirCodeAndTheValuesTheyName(@TempDir Path dir) throws Exception {
        ZoneId vietnam = ZoneId.of("Asia/Ho_Chi_Minh");
        LocalTime now = LocalTime.now(vietnam).truncatedTo(ChronoUnit.MINUTES);
        LocalTime from = now.minusHours(1);
        LocalTime to = now.plusHours(1);
        String at = ZonedDateTime.now(vietnam).plusMinutes(5).truncatedTo(ChronoUnit.SECONDS).toLocalDateTime().toString();
        try (TestServer server = new TestServer(dir, null, from + "-" + to)) {
            TestServer.Reply quiet = server.post("/api/schedules", "application/json", """
                    {"broadcast":{"media":["tone.mp3"],"targets":{"areas":["commune-b"]},"priority":"NORMAL"},
                     "recurrence":{"type":"once","at":"%s"}}""".formatted(at));
            assertEquals(400, quiet.status(), quiet.toString());
            assertEquals("quiet_hours", quiet.body().get("code").asText());
            assertEquals(from.toString(), quiet.body().get("params").get("from").asText(), quiet.toString());
            assertEquals(to.toString(), quiet.body().get("params").get("to").asText(), quiet.toString());
            assertTrue(quiet.body().get("error").asText().contains("quiet hours"), "the English sentence stays for API users");

            server.user("can-bo-xa-a", "operator", "commune-a");
            TestServer.Reply twice = server.post("/api/users", "application/json",
                    "{\"name\":\"can-bo-xa-a\",\"role\":\"operator\",\"scopes\":[\"commune-a\"]}");
            assertEquals(409, twice.status(), twice.toString());
            assertEquals("name_taken", twice.body().get("code").asText());
            assertEquals("can-bo-xa-a", twice.body().get("params").get("name").asText());

            ApiClient operator = server.as(server.user("xa-a", "operator", "commune-a"));
            TestServer.Reply outside = operator.post("/api/broadcasts", "application/json", """
                    {"media":["tone.mp3"],"targets":{"stations":["st-08"]}}""");
            assertEquals(403, outside.status(), outside.toString());
            assertEquals("outside_scope", outside.body().get("code").asText());
            assertEquals("1", outside.body().get("params").get("count").asText(), outside.toString());
            assertEquals("Xã B", outside.body().get("params").get("where").asText(), "the commune, by name: " + outside);

            TestServer.Reply cut = operator.post("/api/media?name=hong.mp3", "audio/mpeg",
                    Files.readAllBytes(dir.resolve("media").resolve("broken.mp3")));
            assertEquals(400, cut.status(), cut.toString());
            assertEquals("mp3_truncated", cut.body().get("code").asText());
            assertEquals("hong.mp3", cut.body().get("params").get("file").asText());
            TestServer.Reply taken = operator.post("/api/media?name=tone.mp3", "audio/mpeg",
                    Files.readAllBytes(dir.resolve("media").resolve("tone.mp3")));
            assertEquals(409, taken.status(), taken.toString());
            assertEquals("name_taken", taken.body().get("code").asText());
            assertEquals("tone.mp3", taken.body().get("params").get("name").asText());

            TestServer.Reply none = server.get("/api/schedules/987654");
            assertEquals(404, none.status(), none.toString());
            assertEquals("no_such_schedule", none.body().get("code").asText());
            assertEquals("987654", none.body().get("params").get("id").asText());
            TestServer.Reply plain = server.get("/api/alerts?limit=abc");
            assertEquals(400, plain.status(), plain.toString());
            assertTrue(plain.body().get("params").isObject() && plain.body().get("params").isEmpty(),
                    "a refusal naming no value still has params, empty: " + plain);
        }
    }
}
