package vn.loa.sim;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A small option parser: --name value pairs and bare flags; anything unrecognised is an error. */
final class Args {
    private static final Set<String> FLAGS = Set.of("--wrong-secret", "--tls", "--help");
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> used = new HashSet<>();

    Args(String... args) {
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + name);
            }
            if (FLAGS.contains(name)) {
                values.put(name, "true");
            } else if (i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
        }
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String value(String name) {
        used.add(name);
        return values.get(name);
    }

    String required(String name) {
        String v = value(name);
        if (v == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return v;
    }

    boolean flag(String name) {
        return value(name) != null;
    }

    long longValue(String name, long fallback) {
        String v = value(name);
        return v == null ? fallback : intValue(name, v);
    }

    double doubleValue(String name) {
        String v = value(name);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " wants a number, got " + v);
        }
    }

    /** Seconds, decimals allowed, as milliseconds; absent means 0 (off). */
    long millis(String name) {
        return has(name) ? Math.round(doubleValue(name) * 1000) : 0;
    }

    int intValue(String name, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " wants a whole number of at least 0, got " + v);
    }

    void rejectUnused() {
        for (String name : values.keySet()) {
            if (!used.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
        }
    }
}
