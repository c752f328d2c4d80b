package vn.loa.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One line of the simulator's log: epoch milliseconds, station, event name, and the event's own fields. */
public record SimEvent(long t, String station, String event, Map<String, Object> fields) {

    /** Null values are allowed ("no error"), so no Map.copyOf here. */
    public SimEvent {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Object field(String name) {
        return fields.get(name);
    }
}
