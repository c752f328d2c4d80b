package vn.loa.server.media;

/** A file that must never reach a receiver, with the reason an operator can act on. */
public final class MediaRejected extends Exception {
    private static final long serialVersionUID = 1L;

    public MediaRejected(String reason) {
        super(reason, null, false, false);
    }
}
