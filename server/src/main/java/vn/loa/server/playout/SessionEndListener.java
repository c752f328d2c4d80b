package vn.loa.server.playout;

/** Told on the playout thread when a session is over on every station; must only hand the news on. */
@FunctionalInterface
public interface SessionEndListener {
    void ended(long sessionId, boolean cancelled);
}
