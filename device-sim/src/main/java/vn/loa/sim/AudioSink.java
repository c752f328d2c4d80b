package vn.loa.sim;

import io.netty.buffer.ByteBuf;
import vn.loa.protocol.AudioEndReason;
import vn.loa.protocol.message.AudioChunk;
import vn.loa.protocol.message.AudioEnd;
import vn.loa.protocol.message.AudioStart;

/**
 * The receiver side of AUDIO_*: follows the current session, checks chunk order and that each chunk
 * starts on an MPEG audio frame sync, and counts what arrived and what was missed. Real-time playback
 * from a jitter buffer belongs to the playout work and will sit behind this same interface.
 */
final class AudioSink {
    private final String station;
    private final EventLog log;
    private AudioStart current;
    private long nextSequence;
    private long chunks;
    private long bytes;
    private long missed;
    private long badChunks;
    private long strayChunks;

    AudioSink(String station, EventLog log) {
        this.station = station;
        this.log = log;
    }

    long currentSessionId() {
        return current == null ? 0 : current.sessionId();
    }

    void start(AudioStart start) {
        if (current != null) {
            finish(AudioEndReason.PREEMPTED, nextSequence == 0 ? 0 : nextSequence - 1, "replaced by a new AUDIO_START");
        }
        current = start;
        nextSequence = 0;
        chunks = bytes = missed = badChunks = 0;
        log.record(station, "audio_start", "session", start.sessionId(), "priority", start.priority().name(),
                "title", start.title(), "offsetMs", start.offsetMs(), "sampleRate", start.sampleRate(),
                "bitrate", start.bitrate());
    }

    void chunk(AudioChunk chunk) {
        if (current == null || chunk.sessionId() != current.sessionId()) {
            strayChunks++;
            return;
        }
        if (chunk.sequence() > nextSequence) {
            missed += chunk.sequence() - nextSequence;
        }
        nextSequence = chunk.sequence() + 1;
        chunks++;
        bytes += chunk.data().readableBytes();
        if (!startsWithFrameSync(chunk.data())) {
            badChunks++;
        }
    }

    void end(AudioEnd end) {
        if (current == null || end.sessionId() != current.sessionId()) {
            return;
        }
        if (end.lastSequence() + 1 > nextSequence) {
            missed += end.lastSequence() + 1 - nextSequence;
        }
        finish(end.reason(), end.lastSequence(), null);
    }

    /** The link dropped mid-session: from here the receiver heard nothing more of it. */
    void linkLost() {
        if (current != null) {
            finish(AudioEndReason.ERROR, nextSequence == 0 ? 0 : nextSequence - 1, "link lost");
        }
    }

    long strayChunks() {
        return strayChunks;
    }

    private void finish(AudioEndReason reason, long lastSequence, String note) {
        log.record(station, "audio_end", "session", current.sessionId(), "reason", reason.name(), "chunks", chunks,
                "bytes", bytes, "missedChunks", missed, "badChunks", badChunks, "lastSequence", lastSequence,
                "note", note);
        current = null;
    }

    /** 11 set bits: the MPEG audio frame sync every chunk must begin with. */
    private static boolean startsWithFrameSync(ByteBuf data) {
        int i = data.readerIndex();
        return data.readableBytes() >= 2 && (data.getByte(i) & 0xFF) == 0xFF && (data.getByte(i + 1) & 0xE0) == 0xE0;
    }
}
