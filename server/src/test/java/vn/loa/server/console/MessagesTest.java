package vn.loa.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message key the console's markup and scripts use exists in both languages, both files hold
 * the same keys, and no page writes user-facing text into markup other than through the files.
 */
class MessagesTest {
    private static final Path WEB = Path.of("src", "main", "resources", "web");
    private static final Pattern KEY = Pattern.compile(
            "['\"]((?:nav|title|state|role|day|alertState|common|emergency|lang|library|login|onair|overview|record|reports|schedule|station|tts)\\.[A-Za-z.]*[A-Za-z])['\"]");

    @Test
    void bothLanguagesHoldEveryKeyThePagesUse() throws IOException {
        Map<?, ?> vi = new ObjectMapper().readValue(WEB.resolve("i18n/vi.json").toFile(), Map.class);
        Map<?, ?> en = new ObjectMapper().readValue(WEB.resolve("i18n/en.json").toFile(), Map.class);
        assertEquals(new TreeSet<>(vi.keySet()), new TreeSet<>(en.keySet()), "vi.json and en.json differ in keys");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(WEB)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".html")).toList()) {
                Matcher m = KEY.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        for (String dynamic : new String[] {"state.online", "state.offline", "state.playing", "state.fault", "state.disabled",
                "role.operator", "role.officer", "role.technician", "role.admin", "day.MONDAY", "day.SUNDAY",
                "alertState.DRAFT", "alertState.AWAITING_CONFIRMATION", "alertState.ACTIVE", "alertState.ENDED",
                "alertState.CANCELLED", "alertState.EXPIRED", "emergency.done.test", "emergency.done.live",
                "emergency.done.confirm", "emergency.done.cancel", "schedule.type.once", "schedule.type.cron",
                "schedule.misfire.SKIP", "schedule.misfire.GRACE", "schedule.misfire.JOIN", "schedule.same.CUT",
                "schedule.same.NEXT", "schedule.same.WAIT", "title.login", "title.overview", "title.station",
                "title.library", "title.schedule", "title.onair", "title.emergency", "title.reports", "title.users",
                "title.password"}) {
            used.add(dynamic);
        }
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(vi.keySet().stream().map(Object::toString).toList());
        assertTrue(missing.isEmpty(), "keys used but not in the message files: " + missing);
        assertTrue(used.size() > 150, "the scan found the keys: " + used.size());
    }
}
