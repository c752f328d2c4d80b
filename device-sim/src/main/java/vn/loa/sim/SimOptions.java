package vn.loa.sim;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The simulator's command line (a contract for --server, --stations and --log). */
record SimOptions(InetSocketAddress server, List<StationCredentials> stations, Path log, Path recordDir,
                  Faults faults, int threads, long rampMs, long durationMs, String firmware, ServerTrust trust) {

    static final String USAGE = """
            Usage: java -jar loa-sim.jar --server HOST:PORT --stations FILE|RANGE [options]
              --stations FILE       YAML/JSON map of station id to secret (e.g. config/station-secrets.yaml)
              --stations RANGE      ids PREFIX<from>..<to>, e.g. sim-0001..1000
              --secrets FILE        secrets for a RANGE (default config/station-secrets.yaml if present)
              --secret S            one secret for every station of a RANGE
              --log FILE            write events as JSON lines (t, station, event, ...)
              --record DIR          write the audio each receiver played to DIR/<station>/<session>.mp3
              --threads N           event loop threads (default: 2 x cores)
              --ramp SECONDS        spread the first connects over this long (default 0)
              --duration SECONDS    stop after this long (default: until killed)
              --firmware NAME       firmware string sent in HELLO
              --server-key FILE     the server's public key (loa-server identity, or <data>/identity/server-ed25519.pub):
                                    log in only where WELCOME is signed with it; without it any server is believed
              --tls                 connect with TLS ...
              --trust-cert FILE     ... trusting this PEM certificate (default: the JDK's trusted authorities)
            Faults (for every station, or the --fault-share of them):
              --drop-after SECONDS  close the link this long after each login, then reconnect
              --freeze-after SECONDS  go silent this long after login (no FIN, no reconnect) ...
              --freeze-for SECONDS    ... for this long (default 60)
              --latency MS, --jitter MS   delay every frame both ways
              --read-rate BYTES_PER_SEC  read the socket at most this fast
              --wrong-secret        sign AUTH with a wrong key
              --garbage-after SECONDS  send bytes that are not a frame this long after login
              --fault-share F       apply the faults to this fraction of the stations (0..1, default 1)""";

    static SimOptions parse(String... args) {
        Args a = new Args(args);
        String server = a.required("--server");
        String spec = a.required("--stations");
        int colon = server.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--server wants HOST:PORT, got " + server);
        }
        InetSocketAddress address = InetSocketAddress.createUnresolved(server.substring(0, colon),
                a.intValue("--server port", server.substring(colon + 1)));
        List<StationCredentials> stations;
        if (StationList.isRange(spec)) {
            String secretsFile = a.value("--secrets");
            Path secrets = secretsFile != null ? Path.of(secretsFile) : Path.of("config/station-secrets.yaml");
            Map<String, String> known = secretsFile != null || Files.exists(secrets) ? StationList.readSecrets(secrets) : Map.of();
            stations = StationList.fromRange(spec, known, a.value("--secret"));
        } else {
            stations = StationList.fromFile(Path.of(spec));
        }
        Faults faults = new Faults(a.millis("--drop-after"), a.millis("--freeze-after"),
                a.has("--freeze-for") ? a.millis("--freeze-for") : 60_000, a.longValue("--latency", 0),
                a.longValue("--jitter", 0), a.longValue("--read-rate", 0), a.flag("--wrong-secret"),
                a.millis("--garbage-after"), a.has("--fault-share") ? a.doubleValue("--fault-share") : 1.0);
        String log = a.value("--log");
        String record = a.value("--record");
        SimOptions options = new SimOptions(address, stations, log == null ? null : Path.of(log),
                record == null ? null : Path.of(record), faults,
                (int) a.longValue("--threads", 0), a.millis("--ramp"), a.millis("--duration"),
                a.has("--firmware") ? a.value("--firmware") : DeviceSimulator.DEFAULT_FIRMWARE,
                ServerTrust.of(path(a.value("--server-key")), a.flag("--tls"), path(a.value("--trust-cert"))));
        a.rejectUnused();
        return options;
    }

    private static Path path(String value) {
        return value == null ? null : Path.of(value);
    }
}
