package vn.loa.protocol;

/** Why a session ended on a receiver (AUDIO_END's reason field). */
public enum AudioEndReason {
    COMPLETED(1),
    PREEMPTED(2),
    CANCELLED(3),
    ERROR(4);

    private final int code;

    AudioEndReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static AudioEndReason fromCode(int code) {
        for (AudioEndReason r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        throw new IllegalArgumentException("audio end reason " + code + " is not 1..4");
    }
}
