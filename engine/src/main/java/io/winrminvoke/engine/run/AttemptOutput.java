package io.winrminvoke.engine.run;

import io.winrminvoke.engine.mask.Masker;
import io.winrminvoke.engine.clixml.ClixmlStderr;
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
    /** Set once the host reported the command done, after all its output was taken in. */
    private volatile Integer exitCode;

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

    /** The command is done: its output is complete (only the shell's clean-up may still be under way). */
    @Override
    public void exited(int code) {
        finish();
        exitCode = code; // written last: whoever reads it sees the finished captures
    }

    /** The exit code the host reported, or null while the command has not been reported done. */
    Integer exitCode() {
        return exitCode;
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
            // Pieces of an overlong line go through one masking stream, so a secret cut in two
            // by the line length limit is still found; a line's end releases what was held back.
            Masker.Stream masking = masker.streaming();
            boolean[] midLine = {false};
            this.lines = new LineAssembler(LineAssembler.DEFAULT_MAX_LINE_CHARS, (text, endOfLine) -> {
                boolean continuesPieces = midLine[0];
                midLine[0] = !endOfLine;
                String masked;
                if (endOfLine && !continuesPieces) {
                    masked = masker.mask(text); // a whole line: nothing held back, no stream state
                } else {
                    masked = masking.push(text);
                    if (endOfLine) {
                        masked += masking.flush();
                    }
                }
                // an empty end of a line already passed on in pieces is no line of its own
                if (masked.isEmpty() && (!endOfLine || continuesPieces)) {
                    return;
                }
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
