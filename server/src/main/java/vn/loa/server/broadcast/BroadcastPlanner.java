package vn.loa.server.broadcast;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import vn.loa.protocol.Priority;
import vn.loa.protocol.message.AudioStart;
import vn.loa.server.config.ServerSettings;
import vn.loa.server.media.MediaEntry;
import vn.loa.server.media.MediaLibrary;
import vn.loa.server.media.MediaRejected;
import vn.loa.server.media.Playlist;
import vn.loa.server.playout.BroadcastPlan;
import vn.loa.server.playout.IssuerLevel;
import vn.loa.server.playout.Placement;
import vn.loa.server.playout.PreemptPolicy;
import vn.loa.server.playout.Programme;
import vn.loa.server.playout.ProgrammeItem;
import vn.loa.server.station.StationDirectory;
import vn.loa.server.text.TextRules;

/**
 * Turns a {@link BroadcastRequest} into a playable {@link BroadcastPlan}: loads and validates the media,
 * resolves the targets, applies the defaults. Shared by the API and by scheduled jobs, so a schedule is
 * held to the same rules as a broadcast started by hand. Reads files: never call it on a network thread.
 */
public final class BroadcastPlanner {
    private static final int MAX_TITLE_CHARS = 200;
    private static final int MAX_REPEAT = 10;
    /** Slack over the programme's length before a station is released regardless. */
    private static final Duration MAX_DURATION_SLACK = Duration.ofSeconds(60);
    private final MediaLibrary library;
    private final TargetResolver targets;
    private final ServerSettings settings;

    public BroadcastPlanner(MediaLibrary library, StationDirectory directory, ServerSettings settings) {
        this.library = library;
        this.targets = new TargetResolver(directory);
        this.settings = settings;
    }

    /** The enabled stations a request targets, without loading its media (for calendars and filters). */
    public Set<String> stations(BroadcastRequest body) {
        return targets.resolve(body.targets());
    }

    /** Class, stations and length of what a request would air. */
    public record Outline(Priority priority, Set<String> stations, long durationMillis) {
    }

    /**
     * The request's outline from the library index alone, without reading any audio: what conflict
     * checks need for every existing entry, cheaply.
     */
    public Outline outline(BroadcastRequest body) {
        List<String> paths = new ArrayList<>();
        if (Boolean.TRUE.equals(body.attentionTone()) && settings.attentionTone() != null) {
            paths.add(settings.attentionTone());
        }
        if (body.playlist() != null) {
            library.playlist(body.playlist()).ifPresent(p -> p.items().forEach(i -> paths.add(i.path())));
        } else if (body.media() != null) {
            paths.addAll(body.media());
        }
        long total = 0;
        for (String path : paths) {
            total += library.entry(path).filter(MediaEntry::accepted).map(MediaEntry::durationMs)
                    .orElseThrow(() -> new PlanException("media_not_playable", "media '" + path + "' is not playable").with("file", path));
        }
        if (total == 0) {
            throw new PlanException("nothing_to_play", "nothing to play");
        }
        int repeat = body.repeat() == null ? 1 : body.repeat();
        return new Outline(parse(Priority.class, body.priority(), Priority.NORMAL, "priority"),
                targets.resolve(body.targets()), total * Math.max(1, repeat));
    }

    /** The stations a request targets, or none when its targets no longer resolve (for closing records). */
    public Set<String> stationsOrNone(BroadcastRequest body) {
        try {
            return stations(body);
        } catch (PlanException e) {
            return Set.of();
        }
    }

    public BroadcastPlan plan(BroadcastRequest body) {
        return plan(body, null);
    }

    /**
     * As {@link #plan(BroadcastRequest)}, with the request's targets already resolved by the caller
     * ({@link #stations}); null resolves them here. Ten thousand stations are not worth resolving twice.
     */
    public BroadcastPlan plan(BroadcastRequest body, Set<String> stations) {
        Priority priority = parse(Priority.class, body.priority(), Priority.NORMAL, "priority");
        List<ProgrammeItem> items = items(body);
        int repeat = body.repeat() == null ? 1 : body.repeat();
        if (repeat < 1 || repeat > MAX_REPEAT) {
            throw new PlanException("invalid_repeat", "repeat must be 1.." + MAX_REPEAT + ", not " + repeat).with("max", MAX_REPEAT);
        }
        Programme programme;
        try {
            programme = new Programme(items, repeat);
        } catch (IllegalArgumentException e) {
            throw new PlanException("media_mismatch", e.getMessage());
        }
        String title = body.title() != null ? body.title().strip() : defaultTitle(body, items);
        TextRules.line("title", title, MAX_TITLE_CHARS);
        if (title.isEmpty() || title.length() > MAX_TITLE_CHARS) {
            throw new PlanException("title_invalid", "title must be 1.." + MAX_TITLE_CHARS + " characters").with("max", MAX_TITLE_CHARS);
        }
        Duration maxDuration = body.maxDurationSeconds() == null
                ? Duration.ofMillis(programme.durationMillis()).plus(MAX_DURATION_SLACK)
                : Duration.ofSeconds(positive(body.maxDurationSeconds(), "maxDurationSeconds"));
        return new BroadcastPlan(title, programme, stations != null ? stations : targets.resolve(body.targets()), priority,
                parse(IssuerLevel.class, body.issuerLevel(), IssuerLevel.COMMUNE, "issuerLevel"),
                parse(PreemptPolicy.class, body.onPreempt(), PreemptPolicy.RESUME, "onPreempt"),
                instant(body.resumeDeadline()), maxDuration,
                priority == Priority.EMERGENCY ? settings.emergencyVolume() : AudioStart.KEEP_VOLUME, placement(body.when()),
                null);
    }

    /** The playlist's own title, else the first item that is not the attention tone. */
    private String defaultTitle(BroadcastRequest body, List<ProgrammeItem> items) {
        if (body.playlist() != null) {
            String listTitle = library.playlist(body.playlist()).map(Playlist::title).orElse(null);
            if (listTitle != null) {
                return listTitle;
            }
        }
        return items.get(Boolean.TRUE.equals(body.attentionTone()) ? 1 : 0).title();
    }

    private List<ProgrammeItem> items(BroadcastRequest body) {
        if ((body.media() == null) == (body.playlist() == null)) {
            throw new PlanException("nothing_to_play", "give either 'media' (a list of files) or 'playlist' (a name), not both or neither");
        }
        List<ProgrammeItem> items = new ArrayList<>();
        if (Boolean.TRUE.equals(body.attentionTone())) {
            if (settings.attentionTone() == null) {
                throw new PlanException("no_attention_tone", "attentionTone: no tone is configured (attentionTone in server.yaml)");
            }
            items.add(item(settings.attentionTone(), null));
        }
        if (body.playlist() != null) {
            Playlist playlist = library.playlist(body.playlist())
                    .orElseThrow(() -> new PlanException("no_such_playlist", "playlist '" + body.playlist() + "' does not exist")
                            .with("name", body.playlist()));
            if (!playlist.playable()) {
                throw new PlanException(playlist.items().isEmpty() ? "playlist_empty" : "playlist_cannot_play",
                        "playlist '" + body.playlist() + "' cannot play: "
                        + (playlist.items().isEmpty() ? "it is empty" : String.join("; ", playlist.problems())))
                        .with("name", body.playlist());
            }
            playlist.items().forEach(i -> items.add(item(i.path(), i.title())));
        } else {
            if (body.media().isEmpty()) {
                throw new PlanException("nothing_to_play", "'media' is empty");
            }
            body.media().forEach(path -> items.add(item(path, null)));
        }
        return items;
    }

    private ProgrammeItem item(String path, String title) {
        try {
            String t = title != null ? title : library.title(path);
            return new ProgrammeItem(path, t, library.load(path));
        } catch (MediaRejected e) {
            throw new PlanException("media_not_playable", "media '" + path + "': " + e.getMessage()).with("file", path);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback, String field) {
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new PlanException("invalid_request", field + " must be one of " + Arrays.toString(type.getEnumConstants())
                    + ", not '" + value + "'");
        }
    }

    private static Placement placement(String when) {
        if (when == null) {
            return Placement.QUEUE;
        }
        return switch (when) {
            case "now" -> Placement.NOW;
            case "next" -> Placement.NEXT;
            default -> throw new PlanException("invalid_request", "when must be \"now\" or \"next\", not '" + when + "'");
        };
    }

    public static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new PlanException("invalid_request", "'" + value + "' is not an ISO-8601 instant such as 2026-11-22T06:00:00Z");
        }
    }

    private static int positive(int value, String field) {
        if (value < 1 || value > 86_400) {
            throw new PlanException("invalid_request", field + " must be 1..86400, not " + value);
        }
        return value;
    }
}
