package vn.loa.server;

import java.time.Clock;
import vn.loa.server.config.CommandLine;
import vn.loa.server.config.ConfigException;
import vn.loa.server.config.ConfigLoader;

/** {@code java -jar loa-server.jar [--config DIR] [--data DIR] [--receiver-port N] [--http-port N]}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        LoaServer server;
        try {
            CommandLine cli = CommandLine.parse(args);
            if (cli.help()) {
                System.out.println(CommandLine.USAGE);
                return;
            }
            server = new LoaServer(new ConfigLoader().load(cli), Clock.systemUTC()).start();
        } catch (ConfigException e) {
            System.err.println("loa-server: " + e.getMessage());
            System.err.println(CommandLine.USAGE);
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
        Thread.currentThread().join();
    }
}
