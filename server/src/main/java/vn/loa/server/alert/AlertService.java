package vn.loa.server.alert;

import vn.loa.server.auth.Principal;
import vn.loa.server.policy.TwoPersonRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import vn.loa.server.metrics.Histogram;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.broadcast.BroadcastPlanner;
import vn.loa.server.broadcast.BroadcastRequest;
import vn.loa.server.broadcast.PlanException;
import vn.loa.server.broadcast.SessionLauncher;
import vn.loa.server.broadcast.SessionRecord;
import vn.loa.server.playout.BroadcastPlan;
import vn.loa.server.playout.PlayoutEngine;
import vn.loa.server.playout.SessionEvent;
import vn.loa.server.station.StationDirectory;
import vn.loa.server.station.StationRegistry;
import vn.loa.server.text.TextRules;

/**
 * The emergency alert workflow. A draft can be previewed and played as a TEST on test stations only;
 * LIVE airs it at EMERGENCY class on every target, after a second officer confirms when it reaches
 * more communes than configured; cancel stops it everywhere at once and can air the prepared
 * correction. Every alert expires: a timer ends it at its expiry whatever state it is in. What happens
 * to its session comes from the playout's session events, not from polling: it ends when its session
 * ends, and follows it when a restart puts it back on air under a new id.
 */
public final class AlertService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlertService.class);
    private static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);
    private static final Duration MAX_LIFETIME = Duration.ofHours(24);
    static final String TEST_MARK = "[THỬ NGHIỆM] ";
    /** What the correction airs under: villagers and the as-run log read Vietnamese only. */
    static final String CORRECTION_MARK = "Đính chính: ";
    private final AlertStore store;
    private final BroadcastPlanner planner;
    private final SessionLauncher launcher;
    private final StationRegistry registry;
    private final AlertTargets targets;
    private final TwoPersonRule twoPersonRule;
    private final String attentionTone;
    private final Clock clock;
    /** From the LIVE or confirm call to the alert acknowledged on air. */
    public final Histogram latency = new Histogram("loa_alert_latency_seconds",
            "From the LIVE or confirm call to the alert on air (first as-run entries committed)",
            0.05, 0.1, 0.25, 0.5, 1, 2.5, 5);
    private volatile Consumer<Alert> listener = a -> { };
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alert-watcher");
        t.setDaemon(true);
        return t;
    });

    public AlertService(DataSource db, BroadcastPlanner planner, SessionLauncher launcher, PlayoutEngine engine,
                        StationDirectory directory, StationRegistry registry, TwoPersonRule twoPersonRule,
                        String attentionTone, Clock clock) {
        this.attentionTone = attentionTone;
        this.store = new AlertStore(db);
        this.planner = planner;
        this.launcher = launcher;
        this.registry = registry;
        this.targets = new AlertTargets(directory);
        this.twoPersonRule = twoPersonRule;
        this.clock = clock;
        // Subscribed at once, not in start(): the restart's recovery publishes before the API opens.
        engine.events().subscribe("alerts", watcher, this::sessionEvent);
    }

    /** Told of every alert change (for the live event feed); must return at once. */
    public void onChange(Consumer<Alert> changed) {
        this.listener = changed;
    }

    private Alert changed(long id) {
        Alert a = get(id);
        listener.accept(a);
        return a;
    }

    /**
     * Arms the expiry of every open alert (those from before a restart included) and settles each
     * ACTIVE one against the journal, in case the process died before a session event reached it:
     * it follows its session to the one on air now, or ends if that session is over.
     */
    public synchronized void start() {
        for (Alert a : store.list(null, 10_000)) {
            if (a.open()) {
                expireAt(a);
            }
            if (a.state().equals(Alert.ACTIVE) && a.sessionId() != null) {
                launcher.successor(a.sessionId()).ifPresent(now -> settle(a, now));
            }
        }
    }

    private void settle(Alert a, SessionRecord now) {
        if (now.state().equals(SessionRecord.ACTIVE) || now.state().equals(SessionRecord.PENDING)) {
            if (now.id() != a.sessionId()) {
                store.set(a.id(), "session_id", now.id());
                log.warn("Alert {} follows its session {} to {}", a.id(), a.sessionId(), now.id());
                changed(a.id());
            }
        } else if (store.end(a.id(), Alert.ACTIVE, Alert.ENDED, "journal: " + now.state().toLowerCase(), clock.instant())) {
            log.warn("Alert {} ENDED: its session {} is {} in the journal", a.id(), now.id(), now.state());
            changed(a.id());
        }
    }

    private void expireAt(Alert a) {
        long delay = Math.max(0, Duration.between(clock.instant(), a.expiresAt()).toMillis());
        watcher.schedule(() -> expire(a.id()), delay, TimeUnit.MILLISECONDS);
    }

    public synchronized Alert draft(AlertDraft d, String by) {
        return draft(d, by, null);
    }

    /**
     * A draft whose message was spoken into {@code spoken} (a library path), which then is its media; the
     * alert keeps the text and the path both. Null: the draft as the officer gave it.
     */
    public synchronized Alert draft(AlertDraft d, String by, String spoken) {
        if (spoken != null) {
            d = new AlertDraft(d.title(), d.message(), List.of(spoken), d.attentionTone(), d.targets(), d.repeat(),
                    d.expiresAt(), d.correction());
        }
        Instant now = clock.instant();
        String title = d.title() == null ? "" : d.title().strip();
        TextRules.line("title", title, 200);
        if (title.isEmpty() || title.length() > 200 || title.contains("\n")) {
            throw new AlertRefused("alert_title_invalid", "title must be one line of 1..200 characters", false).with("max", 200);
        }
        TextRules.text("message", d.message(), 4000);
        if (d.message() != null && d.message().length() > 4000) {
            throw new AlertRefused("alert_message_too_long", "message must be at most 4000 characters", false).with("max", 4000);
        }
        if ((d.media() == null || d.media().isEmpty()) && !Boolean.TRUE.equals(d.attentionTone())) {
            throw new AlertRefused("alert_nothing_to_play", "an alert needs something to play: 'media' (the recorded message), "
                    + "'attentionTone': true, or both", false);
        }
        Instant expires = d.expiresAt() == null ? now.plus(DEFAULT_LIFETIME) : d.expiresAt();
        if (!expires.isAfter(now) || expires.isAfter(now.plus(MAX_LIFETIME))) {
            throw new AlertRefused("alert_expiry_invalid", "expiresAt must be in the future and at most 24 hours away, not " + expires, false)
                    .with("hours", 24);
        }
        AlertContent content = new AlertContent(d.media() == null ? List.of() : List.copyOf(d.media()),
                d.attentionTone(), d.targets(), d.repeat(), d.correction() == null ? List.of() : List.copyOf(d.correction()),
                spoken);
        try {
            planner.plan(request(title, content, content.media(), content.targets(), expires, now));
            if (!content.correction().isEmpty()) {
                planner.plan(request(title, content, content.correction(), content.targets(), expires, now));
            }
        } catch (PlanException e) {
            throw AlertRefused.of(e);
        }
        long id = store.insert(title, d.message(), content, expires, by, now);
        log.warn("Alert {} '{}' drafted by {}", id, title, by);
        Alert drafted = changed(id);
        expireAt(drafted);
        return drafted;
    }

    public java.util.Optional<Alert> find(long id) {
        return store.find(id);
    }

    public Alert get(long id) {
        return store.find(id).orElseThrow(() -> new AlertRefused("no_such_alert", "no alert " + id, false).with("id", id));
    }

    public List<Alert> list(String state, int limit) {
        return store.list(state, limit);
    }

    /** The stations an alert targets, for scope checks. */
    public Set<String> stations(Alert a) {
        return stations(a.content().targets());
    }

    public Set<String> stations(BroadcastRequest.Targets where) {
        return planner.stations(new BroadcastRequest(null, null, null, where, null, null, null, null, null, null, null,
                null, null));
    }

    public AlertPreview preview(long id) {
        Alert a = get(id);
        List<String> ids = stations(a).stream().sorted().toList();
        int online = (int) ids.stream().filter(s -> registry.presence(s).online()).count();
        BroadcastPlan plan = planner.plan(request(a.title(), a.content(), a.content().media(), a.content().targets(),
                a.expiresAt(), clock.instant()));
        return new AlertPreview(id, ids.size(), online, ids, twoPersonRule.communes(ids), targets.testStations(ids),
                needsConfirmation(ids), plan.programme().durationMillis());
    }

    /** Plays the draft on the test stations among its targets only, marked as a test; returns the session. */
    public synchronized long test(long id, String by) throws Exception {
        Alert a = get(id);
        if (!a.state().equals(Alert.DRAFT)) {
            throw new AlertRefused("alert_not_draft", "alert " + id + " is " + a.state() + "; only a draft can be tested", true)
                    .with("id", id).with("state", a.state());
        }
        List<String> testStations = targets.testStations(stations(a));
        if (testStations.isEmpty()) {
            throw new AlertRefused("no_test_station", "no station tagged '" + AlertTargets.TEST_TAG + "' among the alert's targets; "
                    + "a test never plays on other stations", true);
        }
        BroadcastRequest.Targets onlyTest = new BroadcastRequest.Targets(testStations, null, null, null);
        BroadcastRequest request = request(TEST_MARK + a.title(), a.content(), a.content().media(), onlyTest,
                a.expiresAt(), clock.instant());
        long session = launch(request, "alert " + id + " TEST by " + by);
        store.set(id, "test_session", session);
        log.warn("Alert {} TEST by {} on {} test station(s): session {}", id, by, testStations.size(), session);
        return session;
    }

    /**
     * Stops a rehearsal still playing on the test stations; the alert stays what it was (a draft can be
     * tested again or sent LIVE). Answers whether a test was on air to stop.
     */
    public synchronized boolean stopTest(long id, String by) throws Exception {
        Alert a = get(id);
        if (a.testSession() == null) {
            throw new AlertRefused("alert_not_tested", "alert " + id + " has not been tested", true).with("id", id);
        }
        boolean stopped = launcher.cancel(a.testSession()).get(10, TimeUnit.SECONDS);
        log.warn("Alert {} TEST stopped by {} (session {} {})", id, by, a.testSession(), stopped ? "stopped" : "had ended");
        changed(id);
        return stopped;
    }

    /** LIVE: airs now, or waits for a second officer when the alert reaches more communes than configured. */
    public synchronized Alert goLive(long id, String by) throws Exception {
        Alert a = get(id);
        if (!a.state().equals(Alert.DRAFT)) {
            throw new AlertRefused("alert_not_draft", "alert " + id + " is " + a.state() + "; only a draft can go live", true)
                    .with("id", id).with("state", a.state());
        }
        if (twoPersonRule.neededNow(by, true, stations(a))) {
            store.move(id, Alert.DRAFT, Alert.AWAITING_CONFIRMATION, "requested_by", by);
            log.warn("Alert {} LIVE requested by {}; waiting for a second officer", id, by);
            return changed(id);
        }
        store.set(id, "requested_by", by);
        return activate(a, Alert.DRAFT, null);
    }

    /** The second officer's word: the same rule as for broadcasts and schedule entries (403 for the one who asked). */
    public synchronized Alert confirm(long id, Principal by) throws Exception {
        Alert a = get(id);
        if (!a.state().equals(Alert.AWAITING_CONFIRMATION)) {
            throw new AlertRefused("alert_not_awaiting_confirmation", "alert " + id + " is " + a.state() + "; there is nothing to confirm", true)
                    .with("id", id).with("state", a.state());
        }
        twoPersonRule.requireSecondOfficer(by, a.requestedBy(), "LIVE of alert " + id);
        return activate(a, Alert.AWAITING_CONFIRMATION, by.name());
    }

    /** Stops the alert on every receiver at once; {@code airCorrection} then airs the prepared correction. */
    public synchronized Alert cancel(long id, String by, boolean airCorrection) throws Exception {
        Alert a = get(id);
        if (!a.open()) {
            throw new AlertRefused("alert_already_ended", "alert " + id + " is already " + a.state(), true)
                    .with("id", id).with("state", a.state());
        }
        if (airCorrection && a.content().correction().isEmpty()) {
            throw new AlertRefused("no_correction", "alert " + id + " has no prepared correction", false).with("id", id);
        }
        if (a.sessionId() != null) {
            launcher.cancel(a.sessionId()).get(10, TimeUnit.SECONDS);
        }
        if (a.testSession() != null) {
            launcher.cancel(a.testSession()).get(10, TimeUnit.SECONDS); // a rehearsal still playing stops too
        }
        store.end(id, a.state(), Alert.CANCELLED, by, clock.instant());
        log.warn("Alert {} '{}' CANCELLED by {}", id, a.title(), by);
        if (airCorrection && a.state().equals(Alert.ACTIVE)) {
            BroadcastRequest correction = request(CORRECTION_MARK + a.title(), a.content(),
                    a.content().correction(), a.content().targets(), clock.instant().plus(Duration.ofHours(1)), clock.instant());
            store.set(id, "correction_session", launch(correction, "alert " + id + " correction by " + by));
        }
        return changed(id);
    }

    private Alert activate(Alert a, String from, String confirmedBy) throws Exception {
        long calledAt = System.nanoTime();
        java.time.Instant liveAt = clock.instant();
        BroadcastRequest request = request(a.title(), a.content(), a.content().media(), a.content().targets(),
                a.expiresAt(), clock.instant());
        long session = launch(request, "alert " + a.id() + " LIVE");
        latency.observe((System.nanoTime() - calledAt) / 1e9);
        store.activate(a.id(), from, confirmedBy, session, liveAt);
        log.warn("Alert {} '{}' LIVE: session {}{}", a.id(), a.title(), session,
                confirmedBy == null ? "" : ", confirmed by " + confirmedBy);
        return changed(a.id());
    }

    private long launch(BroadcastRequest request, String origin) throws Exception {
        try {
            return launcher.start(request, planner.plan(request), null, origin).get(30, TimeUnit.SECONDS);
        } catch (PlanException e) {
            throw AlertRefused.of(e);
        }
    }

    /** Ends an open alert at its expiry, stopping its session if it airs. */
    private void expire(long id) {
        try {
            synchronized (this) {
                Alert a = get(id);
                Instant now = clock.instant();
                if (!a.open()) {
                    return;
                }
                if (now.isBefore(a.expiresAt())) {
                    expireAt(a); // the timer fired early (clock adjusted): try again at the expiry
                    return;
                }
                if (a.sessionId() != null) {
                    launcher.cancel(a.sessionId()).get(10, TimeUnit.SECONDS);
                }
                store.end(a.id(), a.state(), Alert.EXPIRED, "expiry", now);
                log.warn("Alert {} '{}' EXPIRED", a.id(), a.title());
                changed(a.id());
            }
        } catch (Exception | LinkageError e) {
            log.error("Expiring alert {} failed; retrying in 5 s", id, e);
            watcher.schedule(() -> expire(id), 5, TimeUnit.SECONDS);
        }
    }

    /**
     * An ACTIVE alert ends with its session and follows it across a restart. Runs on the alert thread;
     * the lock makes an event wait until a LIVE call that is still recording its session has done so.
     */
    private synchronized void sessionEvent(SessionEvent event) {
        Instant now = clock.instant();
        if (event instanceof SessionEvent.RecoveredAs r) {
            for (Alert a : store.activeWithSession(r.previous())) {
                store.set(a.id(), "session_id", r.session());
                log.warn("Alert {} '{}' follows its session {} back on air as {}", a.id(), a.title(), r.previous(),
                        r.session());
                changed(a.id());
            }
        } else if (event instanceof SessionEvent.Ended e) {
            for (Alert a : store.activeWithSession(e.session())) {
                boolean cutByLimit = !now.plusSeconds(3).isBefore(a.expiresAt());
                store.end(a.id(), Alert.ACTIVE, cutByLimit ? Alert.EXPIRED : Alert.ENDED,
                        cutByLimit ? "expiry" : e.cancelled() ? "session cancelled" : "completed", now);
                changed(a.id());
            }
        } else if (event instanceof SessionEvent.NotRecovered n) {
            for (Alert a : store.activeWithSession(n.session())) {
                store.end(a.id(), Alert.ACTIVE, Alert.ENDED, "restart", now); // ended_by is short; the log has why
                log.warn("Alert {} ENDED: its session {} was not put back on air: {}", a.id(), n.session(), n.reason());
                changed(a.id());
            }
        }
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }

    private boolean needsConfirmation(java.util.Collection<String> stations) {
        return twoPersonRule.needed(true, stations);
    }

    /**
     * The EMERGENCY broadcast an alert step airs, held on air until the alert expires at the latest. An
     * alert of the attention tone alone plays the tone as its message.
     */
    private BroadcastRequest request(String title, AlertContent c, List<String> media, BroadcastRequest.Targets where,
                                     Instant expires, Instant now) {
        // The watcher cancels at the expiry; the playout's own limit, a second later, is the safety net.
        int seconds = (int) Math.max(1, Math.min(86_400, Duration.between(now, expires).toSeconds() + 2));
        boolean toneOnly = media.isEmpty();
        if (toneOnly && attentionTone == null) {
            throw new AlertRefused("no_attention_tone", "no attention tone is configured (attentionTone in server.yaml); give 'media'", false);
        }
        return new BroadcastRequest(title, toneOnly ? List.of(attentionTone) : media, null, where, "EMERGENCY",
                "RESTART", "DISTRICT", null, seconds, c.repeat(), !toneOnly && Boolean.TRUE.equals(c.attentionTone()),
                null, "now");
    }
}
