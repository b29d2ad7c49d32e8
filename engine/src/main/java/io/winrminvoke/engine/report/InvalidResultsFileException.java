package io.winrminvoke.engine.report;

import io.winrminvoke.engine.options.InvalidInputException;

/**
 * A results.json that cannot be used: missing, unreadable, not JSON, not a winrm-invoke results
 * file, or of a schema version this version does not read. The message names the file and says
 * what is wrong in one line; for the CLI it is invalid input (exit status 2).
 */
public class InvalidResultsFileException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public InvalidResultsFileException(String message) {
        super(message);
    }

    public InvalidResultsFileException(String message, Throwable cause) {
        super(message);
        initCause(cause);
    }
}
