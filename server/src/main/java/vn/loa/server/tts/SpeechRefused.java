package vn.loa.server.tts;

import java.util.LinkedHashMap;
import java.util.Map;

/** A request speech will not be made for (empty, too long, unknown voice, rate out of range): an HTTP 400. */
public final class SpeechRefused extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final Map<String, Object> params = new LinkedHashMap<>();

    public SpeechRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    public SpeechRefused with(String name, Object value) {
        params.put(name, value);
        return this;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> params() {
        return params;
    }
}
