package io.winrminvoke.invocation;

import io.winrminvoke.engine.InvalidInputException;
import java.nio.file.Path;

/**
 * Where one {@code winrmInvoke} call writes its reports, relative to the workspace. Without a
 * {@code reportDir} each call gets its own directory under {@value #DEFAULT_PARENT}, named by
 * the call's id (the Pipeline step's node id, the freestyle build step's position), so a second
 * call or a {@code parallel} branch never writes into another call's reports. A given
 * {@code reportDir} is taken as it is, and must stay inside the workspace because the reports are
 * archived from there.
 */
public final class ReportDirectory {

    public static final String DEFAULT_PARENT = "winrm-invoke-report";

    private ReportDirectory() {
    }

    /**
     * @param reportDir the user's {@code reportDir}, null or blank when not given
     * @param callId    unique among the calls of one build: letters, digits, {@code -} and {@code _}
     * @return the directory, {@code /}-separated, relative to the workspace
     */
    public static String resolve(String reportDir, String callId) {
        if (callId == null || !callId.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("call id must be letters, digits, '-' or '_', got: " + callId);
        }
        if (reportDir == null || reportDir.isBlank()) {
            return DEFAULT_PARENT + "/" + callId;
        }
        String given = reportDir.trim().replace('\\', '/');
        Path dir = Path.of(given).normalize();
        if (given.startsWith("/") || dir.isAbsolute() || given.matches("[A-Za-z]:.*")
                || dir.toString().isEmpty() || dir.startsWith("..")) {
            throw new InvalidInputException("reportDir must be a relative directory inside the workspace, got '"
                    + reportDir.trim() + "'");
        }
        if (given.contains("$")) {
            // the JUnit plugin expands the test results pattern with the build's variables: a '$' left in
            // the directory (a single-quoted Groovy string, an undefined freestyle variable) would be
            // archived at one path and its junit.xml looked for at another
            throw new InvalidInputException("reportDir must not contain '$' (got '" + reportDir.trim()
                    + "'): in Pipeline use a double-quoted string to put a variable's value in it");
        }
        return dir.toString().replace('\\', '/');
    }
}
