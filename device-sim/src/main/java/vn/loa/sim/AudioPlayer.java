package vn.loa.sim;

import io.netty.buffer.ByteBuf;
import java.util.function.LongSupplier;
import vn.loa.protocol.AudioEndReason;
import vn.loa.protocol.message.AudioChunk;
import vn.loa.protocol.message.AudioEnd;
import vn.loa.protocol.message.AudioStart;

/**
 * The receiver's player: frames go into a jitter buffer with the time each is due (server clock, via
 * time sync) and come out at real-time pace. It checks every frame header and chunk sequence, counts
 * underruns, honours the emergency volume override, and logs play_start / play_end (a contract).
 */
final class AudioPlayer {
    private final String station;
    private final EventLog log;
    private final PlaybackClock clock;
    private final LongSupplier serverNowMicros;
    private final Recorder recorder;
    private final DeviceState device;
    private static final long NO_WAKE = Long.MAX_VALUE;
    private PlayingSession current;
    /** The wake asked of the clock; others still queued there are stale and ignored. */
    private long wakeAtLocalMicros = NO_WAKE;
    private int[] volumeBeforeOverride;

    AudioPlayer(String station, EventLog log, PlaybackClock clock, LongSupplier serverNowMicros, Recorder recorder,
                DeviceState device) {
        this.station = station;
        this.log = log;
        this.clock = clock;
        this.serverNowMicros = serverNowMicros;
        this.recorder = recorder;
        this.device = device;
    }

    long currentSessionId() {
        return current == null ? 0 : current.start.sessionId();
    }

    long bufferMs() {
        return current == null ? 0 : current.bufferMs(serverNowMicros.getAsLong());
    }

    void start(AudioStart start) {
        if (current != null && current.draining) {
            // The old stream had ended; what is left in the buffer is due within a tick: play it out.
            playUntil(current, Long.MAX_VALUE);
            finish(AudioEndReason.COMPLETED);
        } else if (current != null) {
            finish(AudioEndReason.PREEMPTED);
        }
        current = new PlayingSession(start);
        if (start.forceVolume() != AudioStart.KEEP_VOLUME) {
            volumeBeforeOverride = new int[] {device.volume(), device.muted() ? 1 : 0, device.amplifierOn() ? 1 : 0};
            device.setAmplifierOn(true);
            device.setMuted(false);
            device.setVolume(start.forceVolume());
        }
        log.record(station, "audio_start", "session", start.sessionId(), "priority", start.priority().name(),
                "title", start.title(), "offsetMs", start.offsetMs(), "startAtMicros", start.startAtMicros());
    }

    void chunk(AudioChunk chunk) {
        PlayingSession s = current;
        if (s == null || chunk.sessionId() != s.start.sessionId()) {
            return;
        }
        if (s.expectedSequence >= 0 && chunk.sequence() > s.expectedSequence) {
            s.missedChunks += chunk.sequence() - s.expectedSequence;
        }
        s.expectedSequence = chunk.sequence() + 1;
        ByteBuf data = chunk.data();
        long sampleRate = s.start.sampleRate();
        int frames = 0;
        long frameMicros = 0;
        // Every frame header is checked, but frames are only copied when they are being recorded.
        for (int at = data.readerIndex(); at < data.writerIndex(); frames++) {
            int length = Mp3Frames.frameLength(data, at, sampleRate);
            if (length < 0 || at + length > data.writerIndex()) {
                s.badFrames++;
                return;
            }
            frameMicros = Mp3Frames.samplesPerFrame(data, at) * 1_000_000L / sampleRate;
            at += length;
        }
        byte[][] bytes = recorder == null ? null : copyFrames(data, frames, sampleRate);
        s.buffer.add(new PlayingSession.BufferedChunk(chunk.timestampMicros(), frameMicros, frames, bytes,
                serverNowMicros.getAsLong()));
        s.bufferedUntilMicros = chunk.timestampMicros() + frames * frameMicros;
        s.starving = false;
        planWake(s);
    }

    private static byte[][] copyFrames(ByteBuf data, int frames, long sampleRate) {
        byte[][] out = new byte[frames][];
        int at = data.readerIndex();
        for (int i = 0; i < frames; i++) {
            out[i] = new byte[Mp3Frames.frameLength(data, at, sampleRate)];
            data.getBytes(at, out[i]);
            at += out[i].length;
        }
        return out;
    }

    void end(AudioEnd end) {
        PlayingSession s = current;
        if (s == null || end.sessionId() != s.start.sessionId()) {
            return;
        }
        if (end.reason() == AudioEndReason.COMPLETED) {
            s.draining = true;
        } else {
            finish(end.reason());
        }
    }

    /** The link dropped: a receiver cannot know what it missed, so the session stops here. */
    void linkLost() {
        if (current != null) {
            finishAs("LINK_LOST");
        }
    }

    /**
     * Called by the shared {@link PlaybackClock} at a time this player asked for: plays what is due,
     * then either asks for the next wake, finishes a drained stream, or counts an underrun.
     */
    void wake(long atLocalMicros) {
        PlayingSession s = current;
        if (s == null || atLocalMicros != wakeAtLocalMicros) {
            return;
        }
        wakeAtLocalMicros = NO_WAKE;
        long now = serverNowMicros.getAsLong();
        playUntil(s, now);
        if (!s.buffer.isEmpty()) {
            planWake(s);
        } else if (s.draining) {
            finish(AudioEndReason.COMPLETED);
        } else if (s.audible && !s.starving && now >= s.bufferedUntilMicros) {
            s.starving = true;
            s.underruns++;
            log.record(station, "underrun", "session", s.start.sessionId(), "framesPlayed", s.framesPlayed,
                    "lateMs", (now - s.bufferedUntilMicros) / 1000);
        }
    }

    /** Before the first frame is heard: wake when it is due (play_start); after: when the oldest chunk has played. */
    private void planWake(PlayingSession s) {
        PlayingSession.BufferedChunk head = s.buffer.peek();
        if (head == null) {
            return;
        }
        long dueServer = s.audible ? head.endMicros() : head.nextDueMicros();
        long dueLocal = dueServer - (serverNowMicros.getAsLong() - Micros.now());
        if (dueLocal < wakeAtLocalMicros) {
            wakeAtLocalMicros = dueLocal;
            clock.wakeAt(this, dueLocal);
        }
    }

    /** Plays every buffered frame due by {@code now}. */
    private void playUntil(PlayingSession s, long now) {
        for (PlayingSession.BufferedChunk c; (c = s.buffer.peek()) != null && c.nextDueMicros() <= now; ) {
            while (!c.done() && c.nextDueMicros() <= now) {
                play(s, c);
                c.played++;
            }
            if (!c.done()) {
                return;
            }
            s.buffer.poll();
        }
    }

    /**
     * Counts the chunk's next frame as heard. A real receiver's audio output runs on its own clock, so
     * the first frame is heard when it is due (or when it arrived, if later), not when this shared
     * simulator thread gets round to it: play_start carries that instant as its t, and how much later
     * the simulator woke as wokeLateMs, so a crowded simulator does not pass for a late server.
     */
    private void play(PlayingSession s, PlayingSession.BufferedChunk c) {
        if (!s.audible) {
            s.audible = true;
            long nowServerMicros = serverNowMicros.getAsLong();
            long heardServer = Math.max(c.nextDueMicros(), c.arrivedMicros);
            long heardLocalMillis = (heardServer - (nowServerMicros - Micros.now())) / 1000;
            long wokeLateMs = Math.max(0, (nowServerMicros - heardServer) / 1000);
            log.recordAt(Math.min(System.currentTimeMillis(), heardLocalMillis), station, "play_start",
                    "session", s.start.sessionId(), "priority", s.start.priority().name(), "title", s.start.title(),
                    "offsetMs", s.start.offsetMs(), "wokeLateMs", wokeLateMs);
        }
        s.framesPlayed++;
        if (c.bytes != null) {
            recorder.played(station, s.start.sessionId(), c.bytes[c.played]);
        }
    }

    private void finish(AudioEndReason reason) {
        finishAs(reason.name());
    }

    private void finishAs(String reason) {
        PlayingSession s = current;
        // Frames are counted at wakes; those heard since the last one count too.
        playUntil(s, serverNowMicros.getAsLong());
        current = null;
        log.record(station, "play_end", "session", s.start.sessionId(), "priority", s.start.priority().name(),
                "reason", reason, "frames", s.framesPlayed, "underruns", s.underruns, "missedChunks", s.missedChunks,
                "badFrames", s.badFrames);
        if (volumeBeforeOverride != null) {
            device.setVolume(volumeBeforeOverride[0]);
            device.setMuted(volumeBeforeOverride[1] == 1);
            device.setAmplifierOn(volumeBeforeOverride[2] == 1);
            volumeBeforeOverride = null;
        }
        wakeAtLocalMicros = NO_WAKE;
    }
}
