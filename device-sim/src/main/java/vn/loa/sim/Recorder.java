package vn.loa.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * --record DIR: the audio each receiver actually played, in DIR/station/session.mp3, so a real decoder
 * can check it. Receivers only enqueue; one thread does the file I/O.
 */
public final class Recorder implements AutoCloseable {
    private record Write(String station, long session, byte[] bytes) {
    }

    private static final Write END = new Write("", 0, new byte[0]);
    private final Path dir;
    private final BlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private final Map<Path, OutputStream> open = new HashMap<>();
    private final Thread writer;

    public Recorder(Path dir) {
        this.dir = dir;
        writer = new Thread(this::drain, "sim-recorder");
        writer.setDaemon(true);
        writer.start();
    }

    public static Path file(Path dir, String station, long session) {
        return dir.resolve(station).resolve(session + ".mp3");
    }

    void played(String station, long session, byte[] frame) {
        queue.add(new Write(station, session, frame));
    }

    private void drain() {
        try {
            for (Write w; (w = queue.take()) != END; ) {
                stream(file(dir, w.station(), w.session())).write(w.bytes());
                if (queue.isEmpty()) {
                    for (OutputStream out : open.values()) {
                        out.flush();
                    }
                }
            }
        } catch (IOException e) {
            System.err.println("loa-sim: recording failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.values().forEach(Recorder::closeQuietly);
        }
    }

    private OutputStream stream(Path file) throws IOException {
        OutputStream out = open.get(file);
        if (out == null) {
            Files.createDirectories(file.getParent());
            out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            open.put(file, out);
        }
        return out;
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException e) {
            System.err.println("loa-sim: closing a recording: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        queue.add(END);
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
