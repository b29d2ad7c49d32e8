package io.winrminvoke.engine.winrm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/** Keeps a command's output bytes; counts down when the first output arrives. */
final class CollectingSink implements OutputSink {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    final CountDownLatch firstOutput = new CountDownLatch(1);

    @Override
    public synchronized void stdout(byte[] chunk) {
        stdout.writeBytes(chunk);
        firstOutput.countDown();
    }

    @Override
    public synchronized void stderr(byte[] chunk) {
        stderr.writeBytes(chunk);
        firstOutput.countDown();
    }

    synchronized byte[] stdoutBytes() {
        return stdout.toByteArray();
    }

    synchronized String stdoutText() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    synchronized String stderrText() {
        return stderr.toString(StandardCharsets.UTF_8);
    }
}
