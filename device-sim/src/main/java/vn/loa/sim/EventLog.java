package vn.loa.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The --log file: JSON lines with at least t, station and event (a contract). Receivers run on event
 * loops that must never wait for a disk, so they only enqueue; one writer thread does the I/O.
 */
public final class EventLog implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Sentinel compared by identity: no JSON line is this very object. */
    private static final String END = new String("");
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<Consumer<SimEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Thread writer;

    /** @param file where to write, or null for no file (listeners only). */
    public EventLog(Path file) {
        if (file == null) {
            writer = null;
            return;
        }
        BufferedWriter out;
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open log " + file, e);
        }
        writer = new Thread(() -> drain(out), "sim-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    public void addListener(Consumer<SimEvent> listener) {
        listeners.add(listener);
    }

    public void record(String station, String event, Object... keyValues) {
        recordAt(System.currentTimeMillis(), station, event, keyValues);
    }

    /** As {@link #record}, for an event whose moment ({@code t}, ms on this machine's clock) is not now. */
    public void recordAt(long t, String station, String event, Object... keyValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            fields.put((String) keyValues[i], keyValues[i + 1]);
        }
        SimEvent e = new SimEvent(t, station, event, fields);
        if (writer != null) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("t", e.t());
            line.put("station", station);
            line.put("event", event);
            line.putAll(fields);
            try {
                lines.add(JSON.writeValueAsString(line));
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException("event fields must be plain values", ex);
            }
        }
        listeners.forEach(l -> l.accept(e));
    }

    private void drain(BufferedWriter out) {
        try (out) {
            while (true) {
                String line = lines.take();
                if (line == END) {
                    return;
                }
                out.write(line);
                out.newLine();
                if (lines.isEmpty()) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            System.err.println("loa-sim: event log write failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes out everything queued, then closes the file. */
    @Override
    public void close() {
        if (writer != null) {
            lines.add(END);
            try {
                writer.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
