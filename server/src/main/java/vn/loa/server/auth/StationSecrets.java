package vn.loa.server.auth;

import java.util.Map;
import java.util.Optional;
import vn.loa.protocol.StationAuth;

/**
 * Station secrets, loaded from a file kept apart from the main configuration so that the station list
 * can be shared and versioned while the secrets stay readable by the server user only.
 */
public final class StationSecrets {
    private final Map<String, String> secrets;

    public StationSecrets(Map<String, String> secrets) {
        this.secrets = Map.copyOf(secrets);
    }

    public boolean has(String stationId) {
        return secrets.containsKey(stationId);
    }

    /** Constant-time check of a receiver's AUTH; a station without a secret can never authenticate. */
    public boolean verify(String stationId, byte[] nonce, byte[] presentedMac) {
        Optional<String> secret = Optional.ofNullable(secrets.get(stationId));
        return secret.isPresent() && StationAuth.verify(secret.get(), nonce, stationId, presentedMac);
    }
}
