package vn.loa.server.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.loa.server.auth.Passwords;
import vn.loa.server.auth.Role;
import vn.loa.server.auth.UserView;
import vn.loa.server.auth.Users;
import vn.loa.server.config.CommandLine;
import vn.loa.server.config.ConfigException;
import vn.loa.server.config.ConfigLoader;
import vn.loa.server.config.ServerSettings;
import vn.loa.server.store.Database;

/**
 * {@code java -jar loa-server.jar user ...}: manages users on the server's own database, for the first
 * admin and for when the API is unreachable. Safe while the server runs on PostgreSQL; with the
 * embedded H2 file the server must be stopped first (H2 lets one process open its file).
 */
public final class UserCommand {
    public static final String USAGE = """
            Usage: java -jar loa-server.jar user <command> [--config DIR] [--data DIR]
              add NAME --role operator|officer|technician|admin [--scope AREA]... [--display-name TEXT]
                  [--password-stdin]
                                   creates the user and prints its first token (shown once); with
                                   --password-stdin the first line of standard input is its password
              password NAME --password-stdin
                                   sets the user's password from the first line of standard input
                                   (at least 10 characters) and signs out their browsers
              token NAME [--label TEXT] [--days N]
                                   prints a new token for the user
              list                 users, roles, scopes and token labels
              remove NAME          deletes the user and all its tokens""";

    private final PrintStream out;
    private final java.io.InputStream in;

    public UserCommand(PrintStream out) {
        this(out, System.in);
    }

    /** @param in where --password-stdin reads the password: never an argument, so it is in no process list */
    public UserCommand(PrintStream out, java.io.InputStream in) {
        this.out = out;
        this.in = in;
    }

    /** Returns the process exit code: 0 done, 1 refused, 2 usage. */
    public int run(List<String> args) {
        if (args.isEmpty() || args.contains("--help")) {
            out.println(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        Options o = Options.parse(args.subList(1, args.size()));
        ConfigLoader.Loaded config = new ConfigLoader().load(new CommandLine(o.configDir, o.dataDir, null, null, false));
        ServerSettings s = config.settings();
        try (Database db = new Database(s.databaseUrl(), s.databaseUser(), s.databasePassword(), 2)) {
            Users users = new Users(db.dataSource(), config.directory(), Clock.systemUTC());
            return switch (args.get(0)) {
                case "add" -> add(users, o);
                case "token" -> {
                    String token = users.issueToken(o.name(), o.label, o.days == null ? null : Duration.ofDays(o.days));
                    out.println(token);
                    yield 0;
                }
                case "password" -> {
                    if (!o.passwordStdin) {
                        throw new ConfigException("password needs --password-stdin (the password is never an argument)");
                    }
                    boolean set = users.setPassword(o.name(), readPassword());
                    out.println(set ? "password set for " + o.name() : "no user " + o.name());
                    yield set ? 0 : 1;
                }
                case "list" -> {
                    users.list().forEach(this::print);
                    yield 0;
                }
                case "remove" -> {
                    boolean removed = users.delete(o.name());
                    out.println(removed ? "removed " + o.name() : "no user " + o.name());
                    yield removed ? 0 : 1;
                }
                default -> throw new ConfigException("unknown user command '" + args.get(0) + "'\n" + USAGE);
            };
        } catch (Users.Invalid | Passwords.Weak e) {
            out.println("refused: " + e.getMessage());
            return 1;
        }
    }

    /** The first line of standard input, without its line end. */
    private String readPassword() {
        try {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))
                    .readLine();
            if (line == null) {
                throw new ConfigException("--password-stdin: standard input is empty");
            }
            return line;
        } catch (java.io.IOException e) {
            throw new ConfigException("--password-stdin: cannot read standard input: " + e.getMessage(), e);
        }
    }

    private int add(Users users, Options o) {
        if (o.role == null) {
            throw new ConfigException("add needs --role operator|officer|technician|admin");
        }
        Role role;
        try {
            role = Role.valueOf(o.role.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--role must be operator, officer, technician or admin, not '" + o.role + "'");
        }
        String password = null;
        if (o.passwordStdin) {
            password = readPassword();
            Passwords.check(password);
        }
        if (!users.create(o.name(), o.displayName, role, o.scopes)) {
            out.println("refused: user " + o.name() + " already exists (use 'user token' for a new token)");
            return 1;
        }
        if (password != null) {
            users.setPassword(o.name(), password);
        }
        out.println(users.issueToken(o.name(), "created on the command line", null));
        return 0;
    }

    private void print(UserView u) {
        out.printf("%-20s %-10s %-30s %s%s%n", u.name(), u.role(), String.join(",", u.scopes()),
                u.tokens().stream().map(UserView.TokenView::label).toList(), u.disabled() ? " (disabled)" : "");
    }

    /** The subcommand's own options; the name is the first word that is not an option. */
    private static final class Options {
        java.nio.file.Path configDir;
        java.nio.file.Path dataDir;
        String role;
        String displayName;
        String label;
        Integer days;
        boolean passwordStdin;
        final Set<String> scopes = new LinkedHashSet<>();
        final List<String> words = new ArrayList<>();

        static Options parse(List<String> args) {
            Options o = new Options();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (!a.startsWith("--")) {
                    o.words.add(a);
                    continue;
                }
                if (a.equals("--password-stdin")) {
                    o.passwordStdin = true;
                    continue;
                }
                if (i + 1 >= args.size()) {
                    throw new ConfigException(a + " needs a value");
                }
                String v = args.get(++i);
                switch (a) {
                    case "--config" -> o.configDir = java.nio.file.Path.of(v);
                    case "--data" -> o.dataDir = java.nio.file.Path.of(v);
                    case "--role" -> o.role = v;
                    case "--scope" -> o.scopes.add(v);
                    case "--display-name" -> o.displayName = v;
                    case "--label" -> o.label = v;
                    case "--days" -> o.days = days(v);
                    default -> throw new ConfigException("unknown option " + a + "\n" + USAGE);
                }
            }
            return o;
        }

        String name() {
            if (words.isEmpty()) {
                throw new ConfigException("a user name is needed\n" + USAGE);
            }
            return words.get(0);
        }

        private static int days(String v) {
            try {
                int d = Integer.parseInt(v);
                if (d >= 1) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // the message below says what is wanted
            }
            throw new ConfigException("--days wants a whole number of days, at least 1, not '" + v + "'");
        }
    }
}
