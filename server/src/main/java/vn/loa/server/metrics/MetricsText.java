package vn.loa.server.metrics;

import java.util.Map;

/** Builds one scrape in the Prometheus text exposition format (version 0.0.4). */
public final class MetricsText {
    private final StringBuilder out = new StringBuilder();

    public MetricsText gauge(String name, String help, double value) {
        header(name, help, "gauge");
        out.append(name).append(' ').append(Histogram.number(value)).append('\n');
        return this;
    }

    /** One gauge family with a label, e.g. stations by state. */
    public MetricsText gauges(String name, String help, String label, Map<String, ? extends Number> values) {
        header(name, help, "gauge");
        values.forEach((key, value) -> out.append(name).append('{').append(label).append("=\"").append(escape(key))
                .append("\"} ").append(Histogram.number(value.doubleValue())).append('\n'));
        return this;
    }

    public MetricsText counter(String name, String help, long value) {
        header(name, help, "counter");
        out.append(name).append(' ').append(value).append('\n');
        return this;
    }

    /** One counter family with a label, e.g. session events by kind. */
    public MetricsText counters(String name, String help, String label, Map<String, Long> values) {
        header(name, help, "counter");
        values.forEach((key, value) -> out.append(name).append('{').append(label).append("=\"").append(escape(key))
                .append("\"} ").append(value).append('\n'));
        return this;
    }

    public MetricsText histogram(Histogram h) {
        h.write(out);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void header(String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
