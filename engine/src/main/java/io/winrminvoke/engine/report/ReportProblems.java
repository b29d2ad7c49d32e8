package io.winrminvoke.engine.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Collects report I/O failures. A report must never stop a run, so failures are told once per
 * file (all transcripts count as one) and the run goes on.
 */
final class ReportProblems {

    private final Consumer<String> reporter;
    private final Set<String> reportedFiles = ConcurrentHashMap.newKeySet();
    private final List<String> messages = Collections.synchronizedList(new ArrayList<>());

    ReportProblems(Consumer<String> reporter) {
        this.reporter = reporter;
    }

    /** Records a failure to write {@code file}; returns the message if it is the first for that file. */
    String report(String file, Exception failure) {
        if (!reportedFiles.add(file)) {
            return null;
        }
        String message = "report: cannot write " + file + " (" + describe(failure) + "); the run goes on without it";
        messages.add(message);
        try {
            reporter.accept(message);
        } catch (RuntimeException ignored) {
            // a broken console must not break the run either
        }
        return message;
    }

    List<String> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    private static String describe(Exception failure) {
        String text = failure.getMessage();
        return failure.getClass().getSimpleName() + (text == null ? "" : ": " + text);
    }
}
