package io.winrminvoke.engine.winrm;

/**
 * Receives a command's raw output bytes as they arrive, in the shell's codepage. Chunks may
 * split multi-byte characters and lines; decoding is the receiver's job.
 */
public interface OutputSink {
    void stdout(byte[] chunk);

    void stderr(byte[] chunk);

    /**
     * The host reported the command done with this exit code, after the last output chunk and
     * before the shell is cleaned up (Signal, Delete), which may still take a while.
     */
    default void exited(int exitCode) {
    }
}
