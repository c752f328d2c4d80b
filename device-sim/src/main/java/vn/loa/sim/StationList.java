package vn.loa.sim;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which stations to simulate: a secrets file (YAML or JSON map of id to secret, the same format as the
 * server's config/station-secrets.yaml), or an id range {@code PREFIX<from>..<to>} such as
 * {@code sim-0001..1000}, whose secrets come from a secrets file or one shared secret.
 */
public final class StationList {
    private static final Pattern RANGE = Pattern.compile("(.*?)(\\d+)\\.\\.(\\d+)");

    private StationList() {
    }

    public static boolean isRange(String spec) {
        return RANGE.matcher(spec).matches() && !Files.exists(Path.of(spec));
    }

    public static List<StationCredentials> fromFile(Path file) {
        Map<String, String> secrets = readSecrets(file);
        List<StationCredentials> list = new ArrayList<>();
        secrets.forEach((id, secret) -> list.add(new StationCredentials(id, secret)));
        if (list.isEmpty()) {
            throw new IllegalArgumentException(file + " lists no stations");
        }
        return list;
    }

    /** Expands a range; each id's secret is taken from {@code secrets}, else {@code sharedSecret}. */
    public static List<StationCredentials> fromRange(String spec, Map<String, String> secrets, String sharedSecret) {
        Matcher m = RANGE.matcher(spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + spec + "' is neither a file nor a range like sim-0001..1000");
        }
        String prefix = m.group(1);
        int width = m.group(2).length();
        long from = Long.parseLong(m.group(2));
        long to = Long.parseLong(m.group(3));
        if (to < from || to - from >= 100_000) {
            throw new IllegalArgumentException("range " + spec + " must go upwards and hold at most 100000 ids");
        }
        List<StationCredentials> list = new ArrayList<>();
        for (long n = from; n <= to; n++) {
            String id = prefix + String.format("%0" + width + "d", n);
            String secret = secrets.getOrDefault(id, sharedSecret);
            if (secret == null) {
                throw new IllegalArgumentException("no secret for " + id + ": give --secrets FILE or --secret S");
            }
            list.add(new StationCredentials(id, secret));
        }
        return list;
    }

    public static Map<String, String> readSecrets(Path file) {
        try {
            Map<String, String> map = new ObjectMapper(new YAMLFactory())
                    .readValue(file.toFile(), new TypeReference<LinkedHashMap<String, String>>() { });
            return map == null ? Map.of() : map;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read stations file " + file + ": " + e.getMessage(), e);
        }
    }
}
