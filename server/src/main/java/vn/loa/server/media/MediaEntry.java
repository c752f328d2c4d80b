package vn.loa.server.media;

import java.util.List;

/**
 * One file of the library as operators see it: accepted with its figures, or rejected with the reason.
 * The audio itself is loaded when a broadcast needs it, not kept for every file.
 */
public record MediaEntry(String path, boolean accepted, String reason, long sizeBytes, Long durationMs,
                         String mpegVersion, Integer sampleRate, Integer channels, Long bitrate, Boolean vbr,
                         String title, String artist, List<String> warnings) {

    static MediaEntry accepted(String path, long size, Mp3Audio a, TagReader.Tags tags) {
        return new MediaEntry(path, true, null, size, a.durationMillis(), a.mpegVersion(), a.sampleRate(),
                a.channels(), a.averageBitrate(), a.vbr(), tags.title(), tags.artist(), a.warnings());
    }

    static MediaEntry rejected(String path, long size, String reason) {
        return new MediaEntry(path, false, reason, size, null, null, null, null, null, null, null, null, List.of());
    }

    /** The title to announce: the ID3 title, else the file name. */
    public String displayTitle() {
        if (title != null) {
            return artist != null ? artist + " – " + title : title;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".mp3") ? name.substring(0, name.length() - 4) : name;
    }
}
