package vn.loa.sim;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** {@code java -jar loa-sim.jar --server HOST:PORT --stations FILE|RANGE --log FILE [faults]}. */
public final class SimMain {
    private SimMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 0 || Arrays.asList(args).contains("--help")) {
            System.out.println(SimOptions.USAGE);
            return;
        }
        SimOptions options;
        try {
            options = SimOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("loa-sim: " + e.getMessage());
            System.err.println(SimOptions.USAGE);
            System.exit(2);
            return;
        }
        EventLog log = new EventLog(options.log());
        DeviceSimulator sim = new DeviceSimulator(options.server(), log, options.threads(), options.firmware(),
                options.recordDir(), options.trust());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            log.close();
            stopped.countDown();
        }, "sim-shutdown"));
        options.stations().forEach(s -> sim.add(s, options.faults(), options.rampMs()));
        int total = options.stations().size();
        System.out.printf("loa-sim: %d receivers -> %s:%d%n", total, options.server().getHostString(),
                options.server().getPort());
        ScheduledExecutorService summary = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-summary");
            t.setDaemon(true);
            return t;
        });
        summary.scheduleAtFixedRate(() -> System.out.printf("loa-sim: %d/%d online%n", sim.onlineCount(), total),
                5, 5, TimeUnit.SECONDS);
        if (options.durationMs() > 0) {
            Thread.sleep(options.durationMs());
            System.exit(0);
        }
        stopped.await();
    }
}
