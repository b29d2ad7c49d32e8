package io.winrminvoke.simulator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The raw capture of every exchange: request line, headers and body bytes as received, then the
 * status line, headers and body bytes as answered, each after a one-line marker
 * ({@code >>> host-000 127.0.0.1:40312 #3 <time>} / {@code <<< host-000 #3}). Bodies are byte-exact
 * (sealed bodies stay sealed); header names are in the JDK server's spelling. Lets a test prove
 * what did and did not cross the wire in clear.
 */
final class WireLog implements AutoCloseable {
    private final OutputStream out;

    WireLog(Path file) {
        try {
            this.out = new BufferedOutputStream(Files.newOutputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("wire log " + file + ": cannot open for writing", e);
        }
    }

    synchronized void exchange(String host, String client, long number, byte[] request, byte[] response) {
        try {
            out.write((">>> " + host + " " + client + " #" + number + " " + Instant.now() + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(request);
            out.write(("\r\n<<< " + host + " #" + number + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(response);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            // flushed per exchange so a test can read it while the fleet runs
            out.flush();
        } catch (IOException e) {
            // a full disk must not fail the simulated host; the capture is then incomplete
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }
}
