package vn.loa.server.config;

import java.nio.file.Path;

/**
 * The server's command-line overrides (a contract): --config DIR, --data DIR, --receiver-port N,
 * --http-port N. Absent options are null and leave server.yaml's values in force.
 */
public record CommandLine(Path configDir, Path dataDir, Integer receiverPort, Integer httpPort, boolean help) {

    public static final String USAGE = """
            Usage: java -jar loa-server.jar [options]
              --config DIR         configuration directory holding server.yaml (default: config)
              --data DIR           data directory (default: from server.yaml, else data)
              --receiver-port N    TCP port for receivers (default 7700; 0 = pick a free port and log it)
              --http-port N        HTTP API port (default 8080; 0 = pick a free port and log it)
              --help               this text""";

    public static CommandLine parse(String... args) {
        Path config = null;
        Path data = null;
        Integer receiver = null;
        Integer http = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return new CommandLine(null, null, null, null, true);
            }
            if (i + 1 >= args.length) {
                throw new ConfigException(option.startsWith("--") ? option + " needs a value" : "unknown argument " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--config" -> config = Path.of(value);
                case "--data" -> data = Path.of(value);
                case "--receiver-port" -> receiver = port(option, value);
                case "--http-port" -> http = port(option, value);
                default -> throw new ConfigException("unknown option " + option);
            }
        }
        return new CommandLine(config, data, receiver, http, false);
    }

    private static int port(String option, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new ConfigException(option + " wants a port number 0..65535, got \"" + value + "\"");
    }
}
