package vn.loa.sim;

/** A station id and the secret its receiver signs the handshake with. */
public record StationCredentials(String id, String secret) {

    public StationCredentials {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("station id is empty");
        }
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("station " + id + " has no secret");
        }
    }

    @Override
    public String toString() {
        return "StationCredentials[" + id + "]";
    }
}
