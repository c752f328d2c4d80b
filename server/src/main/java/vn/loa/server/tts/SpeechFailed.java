package vn.loa.server.tts;

/** Speech could not be made; {@code code} is the API's refusal code (tts_engine_failed, tts_timeout ...). */
public final class SpeechFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    public SpeechFailed(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
