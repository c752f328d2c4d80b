package vn.loa.server.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently played files, parsed, so that starting a session does not read and parse its
 * audio again: an emergency replayed to ten thousand receivers should spend its first milliseconds
 * on the receivers, not on the disk. An entry is used only while the file's size and modification
 * time are what they were when it was parsed, so an edited file is always read afresh. Bounded by
 * the audio bytes it holds; least recently used entries go first. Thread-safe.
 */
final class ParsedAudioCache {
    private record Parsed(long size, long modifiedMillis, Mp3Audio audio) {
    }

    private final long maxBytes;
    private final Map<Path, Parsed> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    ParsedAudioCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    Mp3Audio load(Path file) throws IOException, MediaRejected {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        long size = attributes.size();
        long modified = attributes.lastModifiedTime().toMillis();
        synchronized (this) {
            Parsed p = entries.get(file);
            if (p != null && p.size() == size && p.modifiedMillis() == modified) {
                return p.audio();
            }
        }
        Mp3Audio audio = Mp3Parser.parse(Files.readAllBytes(file));
        synchronized (this) {
            Parsed old = entries.put(file, new Parsed(size, modified, audio));
            bytes += audio.audio().length - (old == null ? 0 : old.audio().audio().length);
            Iterator<Parsed> oldest = entries.values().iterator();
            while (bytes > maxBytes && oldest.hasNext()) {
                Parsed evicted = oldest.next();
                if (evicted.audio() != audio) {
                    bytes -= evicted.audio().audio().length;
                    oldest.remove();
                }
            }
        }
        return audio;
    }
}
