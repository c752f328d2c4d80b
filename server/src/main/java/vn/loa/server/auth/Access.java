package vn.loa.server.auth;

/** What an endpoint needs of its caller. Scope (which stations) is checked on top, by the endpoint. */
public enum Access {
    /** No token needed: health, and metrics when so configured. */
    PUBLIC,
    /** Look at stations, sessions, the as-run log, the library; listen in. Every role. */
    MONITOR,
    /** Library, playlists, schedules, broadcasts up to PRIORITY. */
    CONTENT,
    /** Commands to receivers: volume, mute, amplifier, test tone, reboot. */
    DEVICE,
    /** EMERGENCY broadcasts and the alert workflow. */
    EMERGENCY,
    /** Users, tokens, the audit. */
    ADMIN
}
