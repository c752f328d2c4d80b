package vn.loa.protocol.message;

import vn.loa.protocol.MessageType;
import vn.loa.protocol.Priority;
import vn.loa.protocol.codec.PayloadReader;
import vn.loa.protocol.codec.PayloadWriter;

/** A broadcast session begins on this receiver. */
public record AudioStart(long sessionId, Priority priority, int codec, long sampleRate, long bitrate,
                         long startAtMicros, long offsetMs, int forceVolume, String title) implements Message {

    public static final int CODEC_MP3 = 1;
    /** forceVolume value meaning "leave the receiver's volume and amplifier as they are". */
    public static final int KEEP_VOLUME = 255;

    public AudioStart {
        if (sessionId == 0) {
            throw new IllegalArgumentException("sessionId 0 means idle and cannot start");
        }
        if (priority == null) {
            throw new IllegalArgumentException("priority is missing");
        }
        Limits.requireRange(codec, 0, 0xFF, "codec");
        Limits.requireRange(sampleRate, 0, 0xFFFF_FFFFL, "sampleRate");
        Limits.requireRange(bitrate, 0, 0xFFFF_FFFFL, "bitrate");
        Limits.requireRange(offsetMs, 0, 0xFFFF_FFFFL, "offsetMs");
        if (forceVolume != KEEP_VOLUME) {
            Limits.requireRange(forceVolume, 0, 100, "forceVolume");
        }
        Limits.requireMaxBytes(title, Limits.TITLE_BYTES, "title");
    }

    public static AudioStart read(PayloadReader in) {
        long session = in.i64("sessionId");
        if (session == 0) {
            throw in.malformed("sessionId is 0");
        }
        int priority = in.u8("priority");
        if (priority > Priority.EMERGENCY.code()) {
            throw in.malformed("priority " + priority + " is not 0..3");
        }
        int codec = in.u8("codec");
        long sampleRate = in.u32("sampleRate");
        long bitrate = in.u32("bitrate");
        long startAt = in.i64("startAtMicros");
        long offset = in.u32("offsetMs");
        int force = in.u8("forceVolume");
        if (force > 100 && force != KEEP_VOLUME) {
            throw in.malformed("forceVolume " + force + " is neither 0..100 nor 255");
        }
        return new AudioStart(session, Priority.fromCode(priority), codec, sampleRate, bitrate, startAt, offset,
                force, in.string(Limits.TITLE_BYTES, "title"));
    }

    @Override
    public void write(PayloadWriter out) {
        out.i64(sessionId).u8(priority.code()).u8(codec).u32(sampleRate).u32(bitrate).i64(startAtMicros)
                .u32(offsetMs).u8(forceVolume).string(title, Limits.TITLE_BYTES);
    }

    @Override
    public MessageType type() {
        return MessageType.AUDIO_START;
    }
}
