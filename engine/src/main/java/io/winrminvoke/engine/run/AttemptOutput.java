package io.winrminvoke.engine.run;

import io.winrminvoke.engine.mask.Masker;
import io.winrminvoke.engine.powershell.ClixmlStderr;
import io.winrminvoke.engine.winrm.OutputSink;
import java.nio.charset.Charset;

/**
 * The receiving end of one attempt's output: bytes are decoded with the shell's codepage,
 * (PowerShell's CLIXML stderr turned into text, when the command says it writes that),
 * assembled into lines, masked, then handed to the line consumer (listeners) and kept in a
 * bounded capture for the host result. Called from the thread that awaits the command.
 */
final class AttemptOutput implements OutputSink {

    /** Where finished, masked lines go (the run's listeners). */
    interface LineConsumer {
        void line(OutputStream stream, String maskedLine);
    }

    private final StreamPipeline stdout;
    private final StreamPipeline stderr;

    AttemptOutput(Charset charset, Masker masker, int limitBytes, boolean clixmlStderr, LineConsumer consumer) {
        this.stdout = new StreamPipeline(OutputStream.STDOUT, charset, masker, limitBytes, null, consumer);
        this.stderr = new StreamPipeline(OutputStream.STDERR, charset, masker, limitBytes,
                clixmlStderr ? new ClixmlStderr() : null, consumer);
    }

    @Override
    public void stdout(byte[] chunk) {
        stdout.accept(chunk);
    }

    @Override
    public void stderr(byte[] chunk) {
        stderr.accept(chunk);
    }

    /** Flushes incomplete characters and the last unterminated line of both streams. */
    void finish() {
        stdout.finish();
        stderr.finish();
    }

    BoundedTextCapture stdoutCapture() {
        return stdout.capture;
    }

    BoundedTextCapture stderrCapture() {
        return stderr.capture;
    }

    private static final class StreamPipeline {
        private final StreamingTextDecoder decoder;
        private final LineAssembler lines;
        private final BoundedTextCapture capture;
        /** Converts CLIXML records to text before lines are cut (a record spans many lines); or null. */
        private final ClixmlStderr clixml;
        private boolean finished;

        StreamPipeline(OutputStream stream, Charset charset, Masker masker, int limitBytes, ClixmlStderr clixml,
                       LineConsumer consumer) {
            this.decoder = new StreamingTextDecoder(charset);
            this.clixml = clixml;
            this.capture = new BoundedTextCapture(limitBytes);
            this.lines = new LineAssembler(LineAssembler.DEFAULT_MAX_LINE_CHARS, line -> {
                String masked = masker.mask(line);
                capture.appendLine(masked);
                consumer.line(stream, masked);
            });
        }

        synchronized void accept(byte[] chunk) {
            if (!finished && chunk.length > 0) {
                String text = decoder.decode(chunk);
                lines.append(clixml == null ? text : clixml.accept(text));
            }
        }

        synchronized void finish() {
            if (!finished) {
                finished = true;
                String text = decoder.finish();
                lines.append(clixml == null ? text : clixml.accept(text) + clixml.finish());
                lines.finish();
            }
        }
    }
}
