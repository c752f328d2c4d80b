package vn.loa.server;

import ch.qos.logback.classic.LoggerContext;
import java.time.Clock;
import java.util.List;
import org.slf4j.LoggerFactory;
import vn.loa.server.cli.IdentityCommand;
import vn.loa.server.cli.UserCommand;
import vn.loa.server.config.CommandLine;
import vn.loa.server.config.ConfigException;
import vn.loa.server.store.StoreException;
import vn.loa.server.config.ConfigLoader;

/**
 * {@code java -jar loa-server.jar [--config DIR] [--data DIR] [--receiver-port N] [--http-port N]}, or
 * {@code java -jar loa-server.jar user ...} to manage users ({@link UserCommand}), or
 * {@code java -jar loa-server.jar identity ...} to print the key receivers pin ({@link IdentityCommand}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("user")) {
            // Its output is a token to copy: keep the log to warnings unless asked (read by logback.xml).
            if (System.getenv("LOA_LOG_LEVEL") == null) {
                System.setProperty("LOA_LOG_LEVEL", "WARN");
            }
            try {
                System.exit(new UserCommand(System.out).run(List.of(args).subList(1, args.length)));
            } catch (ConfigException | StoreException e) {
                System.err.println("loa-server user: " + e.getMessage());
                System.exit(2);
            }
            return;
        }
        if (args.length > 0 && args[0].equals("identity")) {
            System.setProperty("LOA_LOG_LEVEL", System.getenv().getOrDefault("LOA_LOG_LEVEL", "WARN"));
            try {
                System.exit(new IdentityCommand(System.out).run(List.of(args).subList(1, args.length).toArray(String[]::new)));
            } catch (ConfigException | IllegalStateException e) {
                System.err.println("loa-server identity: " + e.getMessage());
                System.exit(2);
            }
            return;
        }
        LoaServer server;
        try {
            CommandLine cli = CommandLine.parse(args);
            if (cli.help()) {
                System.out.println(CommandLine.USAGE);
                return;
            }
            server = new LoaServer(new ConfigLoader().load(cli), Clock.systemUTC(), System.getenv("LOA_ADMIN_TOKEN")).start();
        } catch (ConfigException | StoreException e) {
            System.err.println("loa-server: " + e.getMessage());
            System.err.println(CommandLine.USAGE);
            flushLog();
            System.exit(2);
            return;
        } catch (RuntimeException | Error e) {
            flushLog();
            throw e;
        }
        LoaServer running = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            flushLog();
        }, "shutdown"));
        Thread.currentThread().join();
    }

    /** Log lines go through a queue (logback.xml); stopping the context writes out what is left. */
    private static void flushLog() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
            logging.stop();
        }
    }
}
