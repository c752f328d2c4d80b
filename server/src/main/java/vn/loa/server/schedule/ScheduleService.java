package vn.loa.server.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import vn.loa.server.asrun.AsRunLog;
import vn.loa.server.broadcast.BroadcastPlanner;
import vn.loa.server.broadcast.PlanException;
import vn.loa.server.playout.BroadcastPlan;
import vn.loa.server.broadcast.SessionLauncher;
import vn.loa.server.text.TextRules;

/**
 * Programme schedules on Quartz with its JDBC job store in our own database, so entries and their
 * triggers survive restarts. An entry is validated when it is made (media, targets, recurrence, zone),
 * stored, then handed to Quartz as one job with a trigger per firing pattern.
 */
public final class ScheduleService implements AutoCloseable {
    public static final String DEFAULT_ZONE = "Asia/Ho_Chi_Minh";
    /** Quartz keys its rows by scheduler name, so it must not change between runs. */
    private static final String SCHEDULER_NAME = "loa";
    private static final AtomicInteger PROVIDERS = new AtomicInteger();
    private final ScheduleStore store;
    private final BroadcastPlanner planner;
    private final Clock clock;
    private final Scheduler quartz;
    private final MissedFirings missed;
    private final FiringMarks marks;
    private final QuietHoursGuard quiet;

    public ScheduleService(DataSource db, BroadcastPlanner planner, SessionLauncher launcher, AsRunLog asRun,
                           QuietHoursGuard quiet, Clock clock) {
        this.store = new ScheduleStore(db);
        this.quiet = quiet;
        this.planner = planner;
        this.clock = clock;
        this.quartz = createScheduler(db);
        this.missed = new MissedFirings(store, planner, launcher, asRun, clock);
        this.marks = new FiringMarks(store, quartz);
        try {
            quartz.setJobFactory((bundle, scheduler) -> new ScheduledBroadcastJob(store, planner, launcher, quiet, asRun,
                    clock, marks));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot set up the scheduler: " + e.getMessage(), e);
        }
    }

    /**
     * Applies the misfire policies to firings missed while the server was down, then starts firing.
     * Called once the library and the gateway are up, so a due entry finds its media and receivers.
     */
    public void start() {
        try {
            missed.recover(marks);
            quartz.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    /** Validates, stores and schedules a new entry; overlaps with same-class entries are refused unless allowed. */
    public ScheduleView create(ScheduleEntry request, boolean allowConflicts) {
        Validated v = validated(request, 0, allowConflicts);
        try {
            ScheduleEntry stored = store.insert(v.entry());
            try {
                schedule(stored, ZoneId.of(stored.timeZone()));
                marks.markNext(stored.id(), clock.instant());
            } catch (SchedulerException | RuntimeException e) {
                store.delete(stored.id());
                throw e;
            }
            return view(stored, v.warnings());
        } catch (SQLException | SchedulerException e) {
            throw new IllegalStateException("cannot store the schedule: " + e.getMessage(), e);
        }
    }

    /** Replaces an entry with the same checks as a new one (it cannot conflict with itself); empty if none. */
    public Optional<ScheduleView> replace(long id, ScheduleEntry request, boolean allowConflicts) {
        try {
            if (store.find(id).isEmpty()) {
                return Optional.empty();
            }
            Validated v = validated(request, id, allowConflicts);
            ScheduleEntry entry = v.entry().withId(id);
            store.update(entry);
            quartz.deleteJob(jobKey(id));
            schedule(entry, ZoneId.of(entry.timeZone()));
            marks.markNext(id, clock.instant());
            return Optional.of(view(entry, v.warnings()));
        } catch (SQLException | SchedulerException e) {
            throw new IllegalStateException("cannot replace schedule " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * The checks of {@link #create} (or of {@link #replace} for {@code replacing}, 0 for none) without
     * storing anything: a request held for a second officer is refused now if it could never be made.
     */
    public void check(ScheduleEntry request, long replacing, boolean allowConflicts) {
        validated(request, replacing, allowConflicts);
    }

    private record Validated(ScheduleEntry entry, List<String> warnings) {
    }

    private Validated validated(ScheduleEntry request, long self, boolean allowConflicts) {
        ZoneId zone = zone(request.timeZone());
        if (request.recurrence() == null) {
            throw new PlanException("recurrence_required", "recurrence is required");
        }
        if (request.broadcast() == null) {
            throw new PlanException("broadcast_required", "broadcast is required: what to play, where, at which class");
        }
        if (request.broadcast().at() != null) {
            throw new PlanException("invalid_request", "broadcast.at has no place in a schedule entry: its recurrence says when");
        }
        BroadcastPlan plan = planner.plan(request.broadcast());
        Instant now = clock.instant();
        PlanException clash = quiet.clash(plan, request.recurrence(), zone, now);
        if (clash != null) {
            throw clash;
        }
        if (request.validUntil() != null && !request.validUntil().isAfter(request.validFrom() != null ? request.validFrom() : now)) {
            throw new PlanException("invalid_validity", "validUntil must be after validFrom and in the future");
        }
        Instant once = request.recurrence().airsAt(zone);
        if (once != null && !once.isAfter(now.plusSeconds(1))) {
            throw new PlanException("once_in_past", "recurrence.at " + request.recurrence() + " is in the past in " + zone)
                    .with("at", java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(once.atZone(zone)));
        }
        if (!allowConflicts) {
            List<ScheduleConflict> conflicts;
            try {
                List<ScheduleEntry> others = store.all().stream().filter(e -> e.id() != self).toList();
                conflicts = new ConflictFinder(planner).find(plan, request.recurrence(), zone, others, now);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read schedules: " + e.getMessage(), e);
            }
            if (!conflicts.isEmpty()) {
                throw new ScheduleConflict.Refused(conflicts);
            }
        }
        ScheduleEntry entry = new ScheduleEntry(0, request.title() != null ? TextRules.line("title", request.title(), 200) : "Schedule",
                request.broadcast(), request.recurrence(), zone.getId(), request.validFrom(), request.validUntil(),
                request.misfire() == null ? Misfire.SKIP : request.misfire(),
                request.sameClass() == null ? SameClass.CUT : request.sameClass(), now);
        return new Validated(entry, quiet.airtimeWarnings(plan));
    }

    public List<ScheduleView> list() {
        try {
            List<ScheduleView> views = new ArrayList<>();
            for (ScheduleEntry e : store.all()) {
                views.add(view(e, List.of()));
            }
            return views;
        } catch (SQLException | SchedulerException e) {
            throw new IllegalStateException("cannot read schedules: " + e.getMessage(), e);
        }
    }

    public Optional<ScheduleView> get(long id) {
        try {
            Optional<ScheduleEntry> e = store.find(id);
            return e.isEmpty() ? Optional.empty() : Optional.of(view(e.get(), List.of()));
        } catch (SQLException | SchedulerException e) {
            throw new IllegalStateException("cannot read schedule " + id + ": " + e.getMessage(), e);
        }
    }

    /** Airings of every entry (optionally only those reaching {@code station}) in [from, to), in time order. */
    public List<Occurrence> upcoming(Instant from, Instant to, String station, int max) {
        List<Occurrence> out = new ArrayList<>();
        try {
            for (ScheduleEntry e : store.all()) {
                if (station != null && !planner.stations(e.broadcast()).contains(station)) {
                    continue;
                }
                ZoneId zone = ZoneId.of(e.timeZone());
                Instant start = e.validFrom() != null && e.validFrom().isAfter(from) ? e.validFrom() : from;
                Instant end = e.validUntil() != null && e.validUntil().isBefore(to) ? e.validUntil() : to;
                String priority = e.broadcast().priority() == null ? "NORMAL" : e.broadcast().priority();
                for (Instant at : e.recurrence().airTimes(zone, start, end, max)) {
                    out.add(new Occurrence(e.id(), e.title(), at, at.atZone(zone).toLocalDateTime(), e.timeZone(), priority));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read schedules: " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(Occurrence::at));
        return out.size() > max ? out.subList(0, max) : out;
    }

    public boolean delete(long id) {
        try {
            quartz.deleteJob(jobKey(id));
            return store.delete(id);
        } catch (SQLException | SchedulerException e) {
            throw new IllegalStateException("cannot delete schedule " + id + ": " + e.getMessage(), e);
        }
    }

    private void schedule(ScheduleEntry entry, ZoneId zone) throws SchedulerException {
        JobDetail job = JobBuilder.newJob(ScheduledBroadcastJob.class).withIdentity(jobKey(entry.id()))
                .usingJobData(ScheduledBroadcastJob.ENTRY_ID, entry.id()).build();
        List<Trigger> triggers = new ArrayList<>();
        int n = 0;
        Instant once = entry.recurrence().airsAt(zone);
        for (Recurrence.Firing firing : entry.recurrence().firings(zone)) {
            TriggerBuilder<?> t = TriggerBuilder.newTrigger().withIdentity("schedule-" + entry.id() + "-" + n++, "schedules")
                    .withSchedule(firing.schedule()).usingJobData(ScheduledBroadcastJob.LEAD_MS, firing.leadMillis())
                    .forJob(job);
            Instant from = entry.validFrom() != null && entry.validFrom().isAfter(clock.instant()) ? entry.validFrom() : clock.instant();
            t.startAt(Date.from(once != null ? once.minusMillis(firing.leadMillis()) : from));
            if (entry.validUntil() != null) {
                t.endAt(Date.from(entry.validUntil()));
            }
            triggers.add(t.build());
        }
        quartz.scheduleJob(job, Set.copyOf(triggers), false);
    }

    private ScheduleView view(ScheduleEntry e, List<String> warnings) throws SchedulerException {
        return new ScheduleView(e.id(), e.title(), e.broadcast(), e.recurrence(), e.timeZone(), e.validFrom(),
                e.validUntil(), e.misfire(), e.sameClass(), e.createdAt(), marks.nextAir(e.id(), Instant.EPOCH), warnings);
    }

    static JobKey jobKey(long id) {
        return JobKey.jobKey("schedule-" + id, "schedules");
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id == null ? DEFAULT_ZONE : id);
        } catch (DateTimeException e) {
            throw new PlanException("invalid_time_zone", "timeZone '" + id + "' is not a time zone such as Asia/Ho_Chi_Minh");
        }
    }

    private static Scheduler createScheduler(DataSource db) {
        String provider = "loa-db-" + PROVIDERS.incrementAndGet();
        DBConnectionManager.getInstance().addConnectionProvider(provider, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return db.getConnection();
            }

            @Override
            public void shutdown() {
                // The pool belongs to the server's Database and is closed there.
            }

            @Override
            public void initialize() {
                // Nothing to set up: the pool is already open.
            }
        });
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", delegate(db));
        p.setProperty("org.quartz.jobStore.dataSource", provider);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(MissedFirings.TOLERANCE.toMillis()));
        try {
            return new StdSchedulerFactory(p).getScheduler();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot create the scheduler: " + e.getMessage(), e);
        }
    }

    private static String delegate(DataSource db) {
        try (Connection c = db.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")
                    ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate";
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            quartz.shutdown(true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("scheduler did not stop: " + e.getMessage(), e);
        }
    }
}
