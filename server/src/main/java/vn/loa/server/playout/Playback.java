package vn.loa.server.playout;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.loa.protocol.AudioEndReason;
import vn.loa.protocol.Frame;
import vn.loa.protocol.codec.FrameEncoder;
import vn.loa.protocol.message.AudioChunk;
import vn.loa.protocol.message.AudioEnd;
import vn.loa.protocol.message.AudioStart;
import vn.loa.server.station.ReceiverOutlet;
import vn.loa.server.station.SendRound;
import vn.loa.server.station.StationOutlets;
import vn.loa.server.station.StillWanted;

/**
 * Stations hearing one session from the same position at the same time. Each chunk is encoded once
 * and written to every member as a retained duplicate of that one buffer. Frames leave ahead of their
 * time by the lead, so receivers hold a buffer against jitter. A member that cannot take more (not
 * writable) is skipped, never queued for; its receiver sees a sequence gap and plays on.
 */
final class Playback {
    /** How far ahead of the playhead audio is sent. */
    static final long LEAD_MICROS = 1_500_000;
    /**
     * About this much audio per chunk. Each chunk costs every receiver a write on each side of the link,
     * and those writes, not the bytes, are most of the CPU: 100 ms chunks cost 16.5–19.5 CPU-ms per
     * receiver-minute at 1,000 receivers, 400 ms 9.5–10.8 (docs/benchmarks.md). The receiver's buffer
     * never drops below the lead, whatever the chunk size.
     */
    static final long CHUNK_MICROS = 1_000_000;
    /**
     * A receiver with more unsent audio than this is lagging. Counted in time, not bytes, so an emergency
     * never waits behind more than this much stale audio on a slow link, whatever the bitrate.
     */
    static final long MAX_BACKLOG_MICROS = LEAD_MICROS + 1_000_000;
    /**
     * A start that cuts what plays on at least this many stations announces itself first: AUDIO_END of
     * what it cuts and its AUDIO_START go to every receiver (a few dozen bytes each) before any audio.
     * Every loudspeaker then falls silent for the alert as soon as its link delivers the small frames,
     * instead of after the audio of all receivers ahead of it in the queue. The first chunk waits half
     * of the time set aside for reaching every receiver (see {@link #audioFromMicros}). Other starts
     * send start and audio in one write: stations that are silent anyway gain nothing from a second
     * write per receiver.
     */
    static final int ANNOUNCE_FIRST_STATIONS = 100;

    interface Observer {
        void lagging(Playback p, String station);

        /** {@code frames} MP3 frames went to one receiver. */
        default void delivered(int frames) {
        }
    }

    private final Broadcast broadcast;
    private final Programme programme;
    private final int startFrame;
    private final long startAtMicros;
    private final long createdAtMicros;
    private final int framesPerChunk;
    private final long maxBacklogBytes;
    /** The stations hearing this, each with the token that stops its queued frames once it leaves. */
    private final Map<String, Membership> members = new LinkedHashMap<>();
    private final Set<String> needStart = new HashSet<>();
    private final Set<String> lagging = new HashSet<>();
    /** Frames to go out just before this session's AUDIO_START on a station: the AUDIO_END of what it cut. */
    private final Map<String, ByteBuf> before = new HashMap<>();
    private int nextFrame;
    private long sequence;
    /**
     * No audio before this instant. For an announce-first start, at least a tick after the offer (its
     * first pump carries no audio) and half of the time between the offer and the air time beyond the
     * start delay: the announcement to ten thousand receivers and their first
     * chunk each take a few hundred ms on two shared cores, and run one after the other instead of
     * sharing them (measured: the last AUDIO_START 150 ms sooner; docs/benchmarks.md). The other half
     * is the first chunk's to reach every receiver before the air time.
     */
    private final long audioFromMicros;
    /**
     * The AUDIO_END last handed out by {@link #leaveQuietly}: a cut-in to ten thousand stations takes
     * them all out of one playback at once, and every one of them gets the same bytes.
     */
    private ByteBuf sharedEnd;
    private AudioEndReason sharedEndReason;
    private long sharedEndSequence;
    private boolean endOfStreamSent;

    /** @param before per station, an encoded frame to send first (ownership passes to this playback) */
    Playback(Broadcast broadcast, int startFrame, long startAtMicros, long nowMicros, List<String> stations,
             Map<String, ByteBuf> before) {
        this.broadcast = broadcast;
        this.programme = broadcast.plan().programme();
        this.startFrame = startFrame;
        this.nextFrame = startFrame;
        this.startAtMicros = startAtMicros;
        this.createdAtMicros = nowMicros;
        this.framesPerChunk = (int) Math.max(1, CHUNK_MICROS / programme.frameMicros());
        this.maxBacklogBytes = programme.bitrate() / 8 * MAX_BACKLOG_MICROS / 1_000_000;
        stations.forEach(station -> members.put(station, new Membership()));
        needStart.addAll(stations);
        this.audioFromMicros = before.size() >= ANNOUNCE_FIRST_STATIONS
                ? nowMicros + Math.max(1, (startAtMicros - nowMicros - PlayoutEngine.START_DELAY_MICROS) / 2) : 0;
        this.before.putAll(before);
    }

    Broadcast broadcast() {
        return broadcast;
    }

    int startFrame() {
        return startFrame;
    }

    long startAtMicros() {
        return startAtMicros;
    }

    Set<String> members() {
        return members.keySet();
    }

    long timestamp(int frame) {
        return startAtMicros + (frame - startFrame) * programme.frameMicros();
    }

    /** The frame being heard at {@code now}: where a cut leaves off and a resume picks up. */
    int heardFrame(long nowMicros) {
        long elapsed = Math.max(0, nowMicros - startAtMicros);
        return (int) Math.min(nextFrame, startFrame + elapsed / programme.frameMicros());
    }

    boolean finished(long nowMicros) {
        return nextFrame >= programme.totalFrames() && nowMicros >= timestamp(programme.totalFrames());
    }

    boolean overdue(long nowMicros) {
        return nowMicros - createdAtMicros > broadcast.plan().maxDuration().toNanos() / 1000;
    }

    /** A receiver that reconnected gets AUDIO_START again and joins at the live position. */
    void rejoin(String station) {
        if (members.containsKey(station)) {
            needStart.add(station);
            lagging.remove(station);
        }
    }

    /**
     * Sends everything due up to now + lead: each chunk encoded once, each receiver sent its share in one
     * batch, all batches in one {@link SendRound}. Stations starting here get their AUDIO_START (also
     * encoded once) in the same batch.
     */
    void pump(long nowMicros, StationOutlets outlets, Observer observer, ListenTap tap) {
        releaseSharedEnd();
        List<ByteBuf> chunks = new ArrayList<>();
        int firstFrame = nextFrame;
        // The first chunk goes to every receiver before the rest of the lead follows a tick later: the
        // last of ten thousand receivers then waits for one chunk each, not everyone's whole lead. A
        // large start sends no audio in its first pump, nor before audioFromMicros.
        long horizon = nowMicros < audioFromMicros ? nowMicros
                : nowMicros + (sequence == 0 ? CHUNK_MICROS : LEAD_MICROS);
        while (nextFrame < programme.totalFrames() && timestamp(nextFrame) < horizon) {
            int end = Math.min(programme.totalFrames(), nextFrame + framesPerChunk);
            ByteBuf data = programme.frames(nextFrame, end);
            try {
                for (String station : members.keySet()) {
                    if (tap.listening(station) && !lagging.contains(station)) {
                        tap.audio(station, data.retainedDuplicate());
                    }
                }
                chunks.add(FrameEncoder.encode(Frame.of(new AudioChunk(broadcast.id(), sequence & 0xFFFF_FFFFL,
                        timestamp(nextFrame), data)), ByteBufAllocator.DEFAULT));
            } finally {
                data.release();
            }
            sequence++;
            nextFrame = end;
        }
        ByteBuf start = needStart.isEmpty() ? null : FrameEncoder.encode(Frame.of(start(firstFrame)),
                ByteBufAllocator.DEFAULT);
        SendRound round = outlets.round();
        try {
            // Without new audio only the stations still to start are served; they must not wait a chunk.
            for (String station : chunks.isEmpty() ? List.copyOf(needStart) : members.keySet()) {
                deliver(station, start, chunks, firstFrame, outlets, round, observer);
            }
            if (nextFrame >= programme.totalFrames() && !endOfStreamSent) {
                // End of stream now, so receivers drain their buffers instead of waiting for more and
                // underrunning; the station stays busy until the audio has played out (see finished()).
                endOfStreamSent = true;
                endOfStream(outlets, round);
            }
        } finally {
            round.submit();
            chunks.forEach(ByteBuf::release);
            if (start != null) {
                start.release();
            }
        }
    }

    private void endOfStream(StationOutlets outlets, SendRound round) {
        ByteBuf end = end(AudioEndReason.COMPLETED);
        try {
            for (Map.Entry<String, Membership> m : members.entrySet()) {
                ReceiverOutlet outlet = outlets.outlet(m.getKey());
                if (outlet != null) {
                    round.add(outlet, List.of(end.retainedDuplicate()), m.getValue());
                }
            }
        } finally {
            end.release();
        }
    }

    private void deliver(String station, ByteBuf start, List<ByteBuf> chunks, int firstFrame, StationOutlets outlets,
                         SendRound round, Observer observer) {
        ReceiverOutlet outlet = outlets.outlet(station);
        ByteBuf first = before.isEmpty() ? null : before.remove(station);
        if (outlet == null) {
            if (first != null) {
                first.release();
            }
            return;
        }
        List<ByteBuf> batch = new ArrayList<>(chunks.size() + 2);
        if (first != null) {
            batch.add(first);
        }
        if (start != null && needStart.remove(station)) {
            batch.add(start.retainedDuplicate());
        }
        if (!chunks.isEmpty()) {
            if (!outlet.writable() || outlet.pendingBytes() > maxBacklogBytes) {
                if (lagging.add(station)) {
                    observer.lagging(this, station);
                }
            } else {
                lagging.remove(station);
                chunks.forEach(c -> batch.add(c.retainedDuplicate()));
                observer.delivered(nextFrame - firstFrame);
            }
        }
        if (!batch.isEmpty()) {
            round.add(outlet, batch, members.get(station));
        }
    }

    /**
     * Takes the station out of this group and adds to {@code round} the AUDIO_END telling its receiver
     * why (unless the stream already ended there). The caller submits the round before anything else
     * is sent to these stations, so the end arrives ahead of whatever follows.
     */
    void leave(String station, AudioEndReason reason, StationOutlets outlets, SendRound round) {
        ByteBuf end = leaveQuietly(station, reason);
        if (end == null) {
            return;
        }
        ReceiverOutlet outlet = outlets.outlet(station);
        if (outlet != null) {
            round.add(outlet, List.of(end), StillWanted.ALWAYS);
        } else {
            end.release();
        }
    }

    /**
     * Takes the station out of this group and returns the AUDIO_END its receiver should get (null when
     * the stream already ended there), for the caller to send with whatever follows it.
     */
    ByteBuf leaveQuietly(String station, AudioEndReason reason) {
        Membership left = members.remove(station);
        if (left != null) {
            left.over = true;
        }
        needStart.remove(station);
        lagging.remove(station);
        ByteBuf first = before.remove(station);
        if (first != null) {
            first.release();
        }
        if (endOfStreamSent && reason == AudioEndReason.COMPLETED) {
            return null;
        }
        if (sharedEnd == null || sharedEndReason != reason || sharedEndSequence != sequence) {
            releaseSharedEnd();
            sharedEnd = end(reason);
            sharedEndReason = reason;
            sharedEndSequence = sequence;
        }
        return sharedEnd.retainedDuplicate();
    }

    /** Lets go of the shared AUDIO_END; called on every pump and when the playback is dropped. */
    void releaseSharedEnd() {
        if (sharedEnd != null) {
            sharedEnd.release();
            sharedEnd = null;
        }
    }

    private ByteBuf end(AudioEndReason reason) {
        AudioEnd end = new AudioEnd(broadcast.id(), reason, Math.max(0, sequence - 1) & 0xFFFF_FFFFL);
        return FrameEncoder.encode(Frame.of(end), ByteBufAllocator.DEFAULT);
    }

    private AudioStart start(int atFrame) {
        BroadcastPlan plan = broadcast.plan();
        return new AudioStart(broadcast.id(), plan.priority(), AudioStart.CODEC_MP3, programme.sampleRate(),
                programme.bitrate(), timestamp(atFrame), programme.offsetMillis(atFrame), plan.forceVolume(),
                truncate(plan.title()));
    }

    private static String truncate(String title) {
        String t = title;
        while (t.getBytes(StandardCharsets.UTF_8).length > 256) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    /** One station's place in this playback; over once it leaves, so its queued audio is not written. */
    private static final class Membership implements StillWanted {
        private volatile boolean over;

        @Override
        public boolean stillWanted() {
            return !over;
        }
    }
}
