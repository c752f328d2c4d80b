package vn.loa.server.playout;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.loa.protocol.AudioEndReason;
import vn.loa.protocol.Frame;
import vn.loa.protocol.codec.FrameEncoder;
import vn.loa.protocol.message.AudioChunk;
import vn.loa.protocol.message.AudioEnd;
import vn.loa.protocol.message.AudioStart;
import vn.loa.server.station.ReceiverOutlet;
import vn.loa.server.station.StationOutlets;

/**
 * Stations hearing one session from the same position at the same time. Each chunk is encoded once
 * and written to every member as a retained duplicate of that one buffer. Frames leave ahead of their
 * time by the lead, so receivers hold a buffer against jitter. A member that cannot take more (not
 * writable) is skipped, never queued for; its receiver sees a sequence gap and plays on.
 */
final class Playback {
    /** How far ahead of the playhead audio is sent. */
    static final long LEAD_MICROS = 1_500_000;
    /** About this much audio per chunk. */
    private static final long CHUNK_MICROS = 400_000;
    /**
     * A receiver with more unsent audio than this is lagging. Counted in time, not bytes, so an emergency
     * never waits behind more than this much stale audio on a slow link, whatever the bitrate.
     */
    static final long MAX_BACKLOG_MICROS = LEAD_MICROS + 1_000_000;

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
    private final Set<String> members = new LinkedHashSet<>();
    private final Set<String> needStart = new HashSet<>();
    private final Set<String> lagging = new HashSet<>();
    private int nextFrame;
    private long sequence;
    private boolean endOfStreamSent;

    Playback(Broadcast broadcast, int startFrame, long startAtMicros, long nowMicros, List<String> stations) {
        this.broadcast = broadcast;
        this.programme = broadcast.plan().programme();
        this.startFrame = startFrame;
        this.nextFrame = startFrame;
        this.startAtMicros = startAtMicros;
        this.createdAtMicros = nowMicros;
        this.framesPerChunk = (int) Math.max(1, CHUNK_MICROS / programme.frameMicros());
        this.maxBacklogBytes = programme.bitrate() / 8 * MAX_BACKLOG_MICROS / 1_000_000;
        members.addAll(stations);
        needStart.addAll(stations);
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
        return members;
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
        if (members.contains(station)) {
            needStart.add(station);
            lagging.remove(station);
        }
    }

    /** Sends everything due up to now + lead: each chunk encoded once, each receiver sent its share in one batch. */
    void pump(long nowMicros, StationOutlets outlets, Observer observer, ListenTap tap) {
        List<ByteBuf> chunks = new ArrayList<>();
        int firstFrame = nextFrame;
        while (nextFrame < programme.totalFrames() && timestamp(nextFrame) < nowMicros + LEAD_MICROS) {
            int end = Math.min(programme.totalFrames(), nextFrame + framesPerChunk);
            ByteBuf data = programme.frames(nextFrame, end);
            try {
                for (String station : members) {
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
        try {
            if (!chunks.isEmpty()) {
                for (String station : members) {
                    deliver(station, chunks, firstFrame, outlets, observer);
                }
            }
        } finally {
            chunks.forEach(ByteBuf::release);
        }
        if (nextFrame >= programme.totalFrames() && !endOfStreamSent) {
            // End of stream now, so receivers drain their buffers instead of waiting for more and underrunning;
            // the station stays busy until the audio has played out (see finished()).
            endOfStreamSent = true;
            for (String station : members) {
                sendEnd(station, AudioEndReason.COMPLETED, outlets);
            }
        }
    }

    private void deliver(String station, List<ByteBuf> chunks, int firstFrame, StationOutlets outlets,
                         Observer observer) {
        ReceiverOutlet outlet = outlets.outlet(station);
        if (outlet == null) {
            return;
        }
        List<ByteBuf> batch = new ArrayList<>(chunks.size() + 1);
        if (needStart.remove(station)) {
            batch.add(FrameEncoder.encode(Frame.of(start(firstFrame)), ByteBufAllocator.DEFAULT));
        }
        if (!outlet.writable() || outlet.pendingBytes() > maxBacklogBytes) {
            if (lagging.add(station)) {
                observer.lagging(this, station);
            }
        } else {
            lagging.remove(station);
            chunks.forEach(c -> batch.add(c.retainedDuplicate()));
            observer.delivered(nextFrame - firstFrame);
        }
        if (!batch.isEmpty()) {
            outlet.sendAll(batch);
        }
    }

    /** Takes the station out of this group, telling its receiver why (unless the stream already ended there). */
    void leave(String station, AudioEndReason reason, StationOutlets outlets) {
        members.remove(station);
        needStart.remove(station);
        lagging.remove(station);
        if (!(endOfStreamSent && reason == AudioEndReason.COMPLETED)) {
            sendEnd(station, reason, outlets);
        }
    }

    private void sendEnd(String station, AudioEndReason reason, StationOutlets outlets) {
        ReceiverOutlet outlet = outlets.outlet(station);
        if (outlet != null) {
            AudioEnd end = new AudioEnd(broadcast.id(), reason, Math.max(0, sequence - 1) & 0xFFFF_FFFFL);
            outlet.send(FrameEncoder.encode(Frame.of(end), ByteBufAllocator.DEFAULT));
        }
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
}
