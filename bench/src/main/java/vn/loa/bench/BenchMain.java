package vn.loa.bench;

import java.util.Arrays;

/**
 * {@code java -jar bench/target/loa-bench.jar listeners|mqtt ...}: the clients that put Icecast2 and
 * Mosquitto under the same load the simulator puts on Loa. Each prints one JSON line with its figures.
 */
public final class BenchMain {
    private BenchMain() {
    }

    /** The stations b-00001..N the simulator's --fault-share picks (its rule: hash of the id). */
    private static void faulted(int n, double share) {
        for (int i = 1; i <= n; i++) {
            String id = String.format("b-%05d", i);
            if (Math.floorMod(id.hashCode(), 10_000) < share * 10_000) {
                System.out.println(id);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: loa-bench listeners HOST PORT PATH N SECONDS KBITPS | mqtt HOST PORT N");
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "listeners" -> System.out.println(HttpListeners.run(rest));
            case "mqtt" -> System.out.println(MqttFanout.run(rest));
            case "faulted" -> faulted(Integer.parseInt(rest[0]), Double.parseDouble(rest[1]));
            default -> {
                System.err.println("unknown client " + args[0]);
                System.exit(2);
            }
        }
    }
}
