package vn.loa.server.cli;

import java.io.PrintStream;
import vn.loa.protocol.ServerSignature;
import vn.loa.server.config.CommandLine;
import vn.loa.server.config.ConfigLoader;
import vn.loa.server.identity.ServerIdentity;

/**
 * {@code loa-server identity [--config DIR] [--data DIR]}: prints the public key receivers pin (PEM) and
 * its fingerprint, making the key pair first if the data directory has none yet, so receivers can be
 * provisioned before the server's first start.
 */
public final class IdentityCommand {
    private final PrintStream out;

    public IdentityCommand(PrintStream out) {
        this.out = out;
    }

    public int run(String... args) {
        CommandLine cli = CommandLine.parse(args);
        ServerIdentity identity = ServerIdentity.loadOrCreate(new ConfigLoader().load(cli).settings().dataDir());
        out.print(ServerSignature.publicKeyPem(identity.publicKey()));
        out.println("# fingerprint " + identity.fingerprint() + ", stored in " + identity.publicFile());
        return 0;
    }
}
