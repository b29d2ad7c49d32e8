package io.winrminvoke.engine.run;

/** Which of a command's output streams a line came from. */
public enum OutputStream {
    STDOUT, STDERR
}
