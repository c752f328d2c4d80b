package vn.loa.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;

/**
 * Opens the comparison clients' connections. Thousands of connections opened back to back right after
 * another scenario closed as many can find the listen backlog full or no local port free for a moment
 * (sockets of the previous run still in TIME_WAIT); a few short retries ride that out, and a failure
 * that persists names the connection and the reason.
 */
final class Connector {
    private static final int ATTEMPTS = 50;
    private static final long PAUSE_MS = 100;

    private Connector() {
    }

    static SocketChannel open(String host, int port, int index) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return SocketChannel.open(new InetSocketAddress(host, port));
            } catch (IOException e) {
                last = e;
                try {
                    Thread.sleep(PAUSE_MS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new IOException("connection " + index + " to " + host + ":" + port + " failed " + ATTEMPTS
                + " times: " + last, last);
    }
}
