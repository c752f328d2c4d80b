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
    private PlayingSession current;
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
            current.buffer.forEach(f -> play(current, f.bytes()));
            current.buffer.clear();
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
        clock.add(this);
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
        long due = chunk.timestampMicros();
        int at = data.readerIndex();
        while (at < data.writerIndex()) {
            int length = Mp3Frames.frameLength(data, at, s.start.sampleRate());
            if (length < 0 || at + length > data.writerIndex()) {
                s.badFrames++;
                return;
            }
            byte[] frame = new byte[length];
            data.getBytes(at, frame);
            s.buffer.add(new PlayingSession.BufferedFrame(due, frame));
            due += Mp3Frames.samplesPerFrame(data, at) * 1_000_000L / s.start.sampleRate();
            at += length;
        }
        s.bufferedUntilMicros = due;
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

    /** Called by the shared {@link PlaybackClock} of this receiver's event loop. */
    void tick() {
        PlayingSession s = current;
        if (s == null) {
            return;
        }
        long now = serverNowMicros.getAsLong();
        while (!s.buffer.isEmpty() && s.buffer.peek().dueMicros() <= now) {
            play(s, s.buffer.poll().bytes());
        }
        if (s.buffer.isEmpty()) {
            if (s.draining) {
                finish(AudioEndReason.COMPLETED);
            } else if (s.audible && !s.starving && now > s.bufferedUntilMicros) {
                s.starving = true;
                s.underruns++;
                log.record(station, "underrun", "session", s.start.sessionId(), "framesPlayed", s.framesPlayed,
                        "lateMs", (now - s.bufferedUntilMicros) / 1000);
            }
        } else {
            s.starving = false;
        }
    }

    private void play(PlayingSession s, byte[] frame) {
        if (!s.audible) {
            s.audible = true;
            log.record(station, "play_start", "session", s.start.sessionId(), "priority", s.start.priority().name(),
                    "title", s.start.title(), "offsetMs", s.start.offsetMs());
        }
        s.framesPlayed++;
        if (recorder != null) {
            recorder.played(station, s.start.sessionId(), frame);
        }
    }

    private void finish(AudioEndReason reason) {
        finishAs(reason.name());
    }

    private void finishAs(String reason) {
        PlayingSession s = current;
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
        clock.remove(this);
    }
}
