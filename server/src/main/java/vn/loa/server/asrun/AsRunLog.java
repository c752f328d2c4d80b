package vn.loa.server.asrun;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that aired, append-only, one JSON line per entry in the data directory. A writer thread
 * writes and fsyncs in batches; {@link #append} completes only once its line is on disk, so whoever
 * acknowledges something on the strength of it can wait. Queries are served from memory.
 */
public final class AsRunLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AsRunLog.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private record Pending(byte[] line, CompletableFuture<Void> done) {
    }

    private final FileChannel file;
    private final List<AsRunEntry> entries = new ArrayList<>();
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    public AsRunLog(Path path) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            if (Files.exists(path)) {
                load(path);
            }
            file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the as-run log " + path, e);
        }
        writer = new Thread(this::drain, "asrun-writer");
        writer.setDaemon(true);
        writer.start();
    }

    private void load(Path path) throws IOException {
        int bad = 0;
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            try {
                entries.add(JSON.readValue(line, AsRunEntry.class));
            } catch (IOException e) {
                bad++; // a line cut by a crash mid-write; everything acknowledged was fsynced before it
            }
        }
        if (bad > 0) {
            log.warn("As-run log {}: {} unreadable line(s) skipped", path, bad);
        }
    }

    public CompletableFuture<Void> append(AsRunEntry entry) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        byte[] line;
        try {
            line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            done.completeExceptionally(e);
            return done;
        }
        synchronized (entries) {
            entries.add(entry);
        }
        if (closed) {
            done.completeExceptionally(new IllegalStateException("as-run log closed"));
        } else {
            queue.add(new Pending(line, done));
        }
        return done;
    }

    /** Entries in time order, filtered; null filters match everything. */
    public List<AsRunEntry> query(String station, Long session, Instant from, Instant to, int limit) {
        List<AsRunEntry> out = new ArrayList<>();
        synchronized (entries) {
            for (AsRunEntry e : entries) {
                if ((station == null || station.equals(e.station())) && (session == null || session == e.session())
                        && (from == null || !e.time().isBefore(from)) && (to == null || e.time().isBefore(to))) {
                    out.add(e);
                    if (out.size() >= limit) {
                        break;
                    }
                }
            }
        }
        return out;
    }

    private void drain() {
        List<Pending> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch);
            try {
                for (Pending p : batch) {
                    ByteBuffer b = ByteBuffer.wrap(p.line());
                    while (b.hasRemaining()) {
                        file.write(b);
                    }
                }
                file.force(false);
                batch.forEach(p -> p.done().complete(null));
            } catch (IOException e) {
                // A full or failing disk: say so loudly, fail the waiters, keep the server playing.
                log.error("As-run log write failed; {} entries not on disk: {}", batch.size(), e.getMessage());
                batch.forEach(p -> p.done().completeExceptionally(e));
            }
            batch.clear();
        }
    }

    @Override
    public void close() {
        closed = true;
        queue.add(new Pending(new byte[0], new CompletableFuture<>()));
        try {
            writer.join(5_000);
            file.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.warn("Closing the as-run log: {}", e.getMessage());
        }
    }
}
