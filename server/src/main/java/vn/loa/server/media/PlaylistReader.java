package vn.loa.server.media;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads M3U and M3U8, the radio world's playlists: #EXTM3U, #EXTINF:seconds,title before an entry,
 * #PLAYLIST for the list's title, paths relative to the playlist. M3U8 is UTF-8; plain M3U is UTF-8
 * when it decodes as such, otherwise Windows-1252, as older Windows tools wrote it.
 */
final class PlaylistReader {
    private PlaylistReader() {
    }

    /** Entries come back as written; the library resolves and checks them. */
    static Playlist read(String name, byte[] content) {
        String text = decode(content, name.endsWith(".m3u8"));
        List<Playlist.Item> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String title = null;
        String pendingTitle = null;
        Long pendingSeconds = null;
        int lineNumber = 0;
        for (String raw : text.split("\r?\n|\r")) {
            lineNumber++;
            String line = raw.strip();
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#EXTINF:")) {
                String rest = line.substring(8);
                int comma = rest.indexOf(',');
                pendingSeconds = seconds(comma < 0 ? rest : rest.substring(0, comma));
                pendingTitle = comma < 0 ? null : rest.substring(comma + 1).strip();
            } else if (line.startsWith("#PLAYLIST:")) {
                title = line.substring(10).strip();
            } else if (!line.startsWith("#")) {
                if (line.contains("://")) {
                    problems.add("line " + lineNumber + ": remote stream " + line + " is not supported");
                } else {
                    items.add(new Playlist.Item(line.replace('\\', '/'), pendingTitle, pendingSeconds));
                }
                pendingTitle = null;
                pendingSeconds = null;
            }
        }
        return new Playlist(name, title, items, problems);
    }

    private static Long seconds(String s) {
        try {
            long v = Math.round(Double.parseDouble(s.strip()));
            return v < 0 ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String decode(byte[] content, boolean utf8Only) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return utf8Only ? new String(content, StandardCharsets.UTF_8)
                    : new String(content, Charset.forName("windows-1252"));
        }
    }
}
