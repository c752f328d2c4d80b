package vn.loa.server;

import java.io.IOException;
import vn.loa.server.api.TtsApi;
import vn.loa.server.tts.SpeechLibrary;
import vn.loa.server.tts.SpeechService;
import vn.loa.server.tts.SpokenAlerts;
import vn.loa.server.tts.UploadedSpeech;
import vn.loa.server.media.MediaEntry;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import javax.sql.DataSource;
import vn.loa.server.alert.AlertService;
import vn.loa.server.api.AccessGate;
import vn.loa.server.api.AlertsApi;
import vn.loa.server.api.AreaTreeApi;
import vn.loa.server.api.EventStream;
import vn.loa.server.api.ConfigApi;
import vn.loa.server.api.ListenHub;
import vn.loa.server.api.ReportsApi;
import vn.loa.server.api.ListenTickets;
import vn.loa.server.api.MonitorApi;
import vn.loa.server.monitor.EventHub;
import vn.loa.server.monitor.SessionCounts;
import vn.loa.server.monitor.StationWatch;
import java.util.Map;
import vn.loa.server.api.ApiAuditor;
import vn.loa.server.api.ConfirmationsApi;
import vn.loa.server.confirm.Confirmations;
import vn.loa.server.policy.AirPolicy;
import vn.loa.server.policy.IssuerLevels;
import vn.loa.server.policy.LibraryGuard;
import vn.loa.server.policy.LibraryRights;
import vn.loa.server.media.LibraryOwners;
import vn.loa.server.policy.StationScope;
import vn.loa.server.policy.TwoPersonRule;
import vn.loa.server.api.Scopes;
import vn.loa.server.api.SessionsApi;
import vn.loa.server.api.UsersApi;
import vn.loa.server.auth.Sessions;
import vn.loa.server.auth.Users;
import vn.loa.server.api.AuditApi;
import vn.loa.server.api.BroadcastsApi;
import vn.loa.server.api.HealthApi;
import vn.loa.server.api.HttpApiServer;
import vn.loa.server.api.HttpConnections;
import vn.loa.server.api.MediaApi;
import vn.loa.server.api.MediaEditsApi;
import vn.loa.server.api.SchedulesApi;
import vn.loa.server.api.Router;
import vn.loa.server.api.StationsApi;
import vn.loa.server.config.ConfigException;
import vn.loa.server.config.ConfigLoader.Loaded;
import vn.loa.server.config.ServerSettings;
import vn.loa.server.asrun.AsRunLog;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.broadcast.SessionJournal;
import vn.loa.server.broadcast.SessionLauncher;
import vn.loa.server.broadcast.SessionRecovery;
import vn.loa.server.media.MediaIndex;
import vn.loa.server.media.MediaEdits;
import vn.loa.server.media.MediaMeta;
import vn.loa.server.media.MediaUploads;
import vn.loa.server.media.PlaylistEditor;
import vn.loa.server.media.PlaylistStore;
import vn.loa.server.schedule.ScheduleView;
import vn.loa.server.api.PlaylistsApi;
import vn.loa.server.station.StationHistory;
import vn.loa.server.broadcast.BroadcastPlanner;
import vn.loa.server.gateway.ReceiverGateway;
import vn.loa.server.identity.ServerTls;
import vn.loa.server.media.MediaLibrary;
import vn.loa.server.media.convert.AudioIngest;
import vn.loa.server.media.convert.Ffmpeg;
import vn.loa.server.media.convert.LibraryLoudness;
import vn.loa.server.media.convert.LoudnessStore;
import vn.loa.server.playout.PlayoutEngine;
import vn.loa.server.schedule.QuietHoursGuard;
import vn.loa.server.schedule.ScheduleService;
import vn.loa.server.store.Database;
import vn.loa.server.station.StationRegistry;

/** The composition root: builds the parts from the loaded configuration, starts them, stops them. */
public final class LoaServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LoaServer.class);
    private final Loaded config;
    private final StationRegistry registry;
    private final ReceiverGateway gateway;
    private final MediaLibrary library;
    private final Database database;
    private final AsRunLog asRun;
    private final AuditLog audit;
    private final StationHistory history;
    private final SessionJournal journal;
    private final SessionRecovery recovery;
    private final PlaylistEditor playlists;
    private final Users users;
    private final AlertService alerts;
    private final StationWatch watch;
    private final PlayoutEngine playout;
    private final ScheduleService schedules;
    private final HttpApiServer http;
    private final SpeechService speech;
    private final AudioIngest ingest;
    private final LibraryLoudness libraryLoudness;
    private int receiverPort;
    private int httpPort;

    public LoaServer(Loaded config, Clock clock) {
        this(config, clock, null);
    }

    /** @param adminToken LOA_ADMIN_TOKEN's value: when set, the admin user is created or its token refreshed */
    public LoaServer(Loaded config, Clock clock, String adminToken) {
        this.config = config;
        this.registry = new StationRegistry(clock);
        this.gateway = new ReceiverGateway(config.settings(), config.directory(), config.secrets(), registry, clock);
        ServerSettings s = config.settings();
        this.database = new Database(s.databaseUrl(), s.databaseUser(), s.databasePassword(), s.databasePoolSize());
        DataSource db = database.dataSource();
        this.library = new MediaLibrary(s.mediaDir(), new MediaIndex(db));
        this.asRun = new AsRunLog(db);
        this.audit = new AuditLog(db);
        this.history = new StationHistory(db, registry, config.settings().receiverLimits().historyRowsPerMinute());
        registry.addListener(history);
        this.playout = new PlayoutEngine(gateway.outlets(), asRun, clock);
        registry.addListener(playout);
        this.journal = new SessionJournal(db, clock);
        SessionLauncher launcher = new SessionLauncher(playout, journal, clock);
        this.users = new Users(db, config.directory(), clock);
        if (adminToken != null && !adminToken.isBlank()) {
            users.ensureBootstrapAdmin(adminToken.strip());
            log.info("Admin token from LOA_ADMIN_TOKEN is active for user '{}'", Users.BOOTSTRAP_ADMIN);
        }
        StationScope stationScope = new StationScope(config.directory());
        Scopes scopes = new Scopes(stationScope);
        Router router = new Router(s.http().maxJsonBodyBytes(), s.maxUploadBytes());
        new HealthApi(config.directory(), registry, database.health()).register(router);
        ListenTickets tickets = new ListenTickets(clock);
        new StationsApi(config.directory(), registry, gateway.control(), playout::nowPlaying, history, scopes, tickets)
                .register(router);
        BroadcastPlanner planner = new BroadcastPlanner(library, config.directory(), s);
        TwoPersonRule twoPersonRule = new TwoPersonRule(config.directory(), s.alertConfirmAboveCommunes());
        AirPolicy airPolicy = new AirPolicy(planner, stationScope, new IssuerLevels(config.directory()), twoPersonRule);
        this.recovery = new SessionRecovery(journal, planner, launcher, asRun, clock);
        this.schedules = new ScheduleService(db, planner, launcher, asRun,
                new QuietHoursGuard(config.directory(), s.quietHours(), s.localZone()), clock);
        Confirmations confirmations = new Confirmations(db, planner, launcher, schedules, airPolicy, clock);
        new BroadcastsApi(planner, playout, launcher, journal, asRun, airPolicy, confirmations).register(router);
        new SchedulesApi(schedules, airPolicy, confirmations).register(router);
        new ConfirmationsApi(confirmations).register(router);
        LibraryGuard libraryGuard = new LibraryGuard(new LibraryOwners(db), new LibraryRights(stationScope), clock);
        this.playlists = new PlaylistEditor(library, new PlaylistStore(db), s.mediaDir(), clock);
        MediaUploads uploads = new MediaUploads(library, s.mediaDir());
        MediaMeta mediaMeta = new MediaMeta(db);
        EventHub hub = new EventHub(clock);
        Ffmpeg ffmpeg = new Ffmpeg(s.media().ffmpeg());
        LoudnessStore loudness = new LoudnessStore(db, s.mediaDir(), clock);
        this.ingest = new AudioIngest(library, uploads, (who, name, replace, area, place) -> libraryGuard.change(who,
                LibraryOwners.Kind.MEDIA, name, () -> replace && library.entry(name).isPresent(), area, place),
                loudness, s.media(), ffmpeg, (upload, percent) -> hub.publish("media.progress", null,
                        Map.of("name", upload, "percent", percent)), s.dataDir().resolve("conversions"));
        this.libraryLoudness = new LibraryLoudness(library, loudness, ffmpeg, s.media());
        new MediaApi(library, libraryGuard, mediaMeta, ingest, loudness).register(router);
        MediaEdits mediaEdits = new MediaEdits(library, uploads, mediaMeta, path -> schedules.list().stream()
                .filter(v -> v.broadcast().media() != null && v.broadcast().media().contains(path))
                .map(ScheduleView::id).toList(), playlists::restoreFiles, clock);
        new MediaEditsApi(library, mediaEdits, libraryGuard).register(router);
        this.speech = SpeechService.from(s.tts(), s.dataDir().resolve("tts-work"));
        SpeechLibrary speechLibrary = new UploadedSpeech(library, uploads, libraryGuard, speech.ffmpeg(), speech.workDir(),
                ingest);
        new TtsApi(speech, speechLibrary, library, mediaEdits, mediaMeta, libraryGuard, s.localZone()).register(router);
        new PlaylistsApi(library, playlists, name -> schedules.list().stream()
                .filter(v -> name.equals(v.broadcast().playlist())).map(ScheduleView::id).toList(), libraryGuard)
                .register(router);
        new AuditApi(audit).register(router);
        Sessions sessions = new Sessions(db, clock, Duration.ofSeconds(s.http().sessionIdleSeconds()),
                Duration.ofSeconds(s.http().sessionMaxSeconds()));
        new UsersApi(users, sessions).register(router);
        new SessionsApi(users, sessions, s.tls().http(), s.http(), clock).register(router);
        this.alerts = new AlertService(db, planner, launcher, playout, config.directory(), registry,
                twoPersonRule, s.attentionTone(), clock);
        new AlertsApi(alerts, scopes, config.directory(), registry, playout::nowPlaying)
                .voice(new SpokenAlerts(speech, speechLibrary, s.localZone(), () -> s.attentionTone() == null ? null
                        : library.entry(s.attentionTone()).map(MediaEntry::sampleRate).orElse(null))).register(router);
        new AreaTreeApi(config.directory(), registry, scopes).register(router);
        this.watch = new StationWatch(config.directory(), registry, hub, playout.events(), clock);
        registry.addListener(watch);
        alerts.onChange(a -> hub.publish("alert", null, Map.of("alert", a, "stations", alerts.stations(a))));
        ListenHub listen = new ListenHub();
        playout.onAudio(listen);
        EventStream events = new EventStream(hub, scopes);
        HttpConnections httpConnections = new HttpConnections(s.http().maxConnections(), s.http().maxConnectionsPerAddress());
        new MonitorApi(config.directory(), registry, watch, playout, alerts, events, listen, scopes,
                new SessionCounts(playout.events())).httpConnections(httpConnections).register(router);
        new ConfigApi(s).register(router);
        new ReportsApi(asRun, alerts, history, config.directory(), scopes, s.localZone()).register(router);
        this.http = new HttpApiServer(router, new AccessGate(users, s.publicMetrics(), s.http().failedTokenLimit(),
                Duration.ofSeconds(s.http().failedTokenWindowSeconds()), clock).withSessions(sessions), s.apiThreads(), new ApiAuditor(audit, clock),
                new HttpApiServer.Timeouts(s.http().headerTimeoutMs(), s.http().idleTimeoutMs()), new HttpApiServer.Streams(scopes, config.directory(), events,
                listen, tickets)).tls(ServerTls.forHttp(s.tls()))
                // Bodies in flight hold at least one largest upload, or no upload could ever be taken.
                .limits(new HttpApiServer.Limits(httpConnections,
                        Math.max(s.http().maxBodyBytesInFlight(), s.maxUploadBytes()), s.http().minBodyBytesPerSecond()));
    }

    public LoaServer start() throws InterruptedException {
        ServerSettings s = config.settings();
        try {
            Files.createDirectories(s.dataDir());
        } catch (IOException e) {
            throw new ConfigException("cannot create data directory " + s.dataDir().toAbsolutePath() + ": " + e.getMessage(), e);
        }
        library.rescan();
        if (playlists.restoreFiles() > 0) {
            library.rescan();
        }
        history.prune();
        libraryLoudness.start();
        receiverPort = gateway.start();
        // What was on air and what was missed are settled before the API opens, so no client sees the
        // state before recovery.
        try {
            recovery.recover();
        } catch (Exception e) {
            log.error("Putting interrupted sessions back on air failed: {}", e.toString());
        }
        schedules.start();
        alerts.start();
        httpPort = http.start(s.bindAddress(), s.httpPort());
        if (!vn.loa.server.media.FileNames.unicodeNames()) {
            log.warn("This JVM stores file names as {}: uploads and playlists named in Vietnamese will be refused; "
                    + "start Loa with a UTF-8 locale (LANG=C.UTF-8)", System.getProperty("sun.jnu.encoding"));
        }
        log.info("Loa started: {} stations configured, data in {}", config.directory().stations().size(),
                s.dataDir().toAbsolutePath());
        return this;
    }

    public int receiverPort() {
        return receiverPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public StationRegistry registry() {
        return registry;
    }

    /** Where audio made inside the server (text to speech) enters the library, converted and normalised. */
    public AudioIngest ingest() {
        return ingest;
    }

    @Override
    public void close() {
        http.close();
        speech.close();
        ingest.close();
        libraryLoudness.close();
        alerts.close();
        watch.close();
        schedules.close();
        // Receivers are told SHUTTING_DOWN while playout still takes their offline notices; then playout stops.
        gateway.close();
        playout.close();
        journal.close();
        history.close();
        audit.close();
        asRun.close();
        database.close();
        log.info("Loa stopped");
    }
}
