package io.winrminvoke.invocation;

import io.winrminvoke.engine.report.ReportName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The name of one call's run, from what the user called the place it runs in: the enclosing
 * stage and {@code parallel} branch ({@code Deploy-eu}), or the call's {@code reportDir}, or for
 * freestyle the job. The engine names the JUnit suite after it, so two calls of one build show up
 * as {@code winrm-invoke.Deploy-eu} and {@code winrm-invoke.Deploy-us} rather than by node ids.
 * The name is a valid {@link ReportName}: other characters become {@code -}, it is cut to
 * {@value ReportName#MAX_LENGTH} characters, and a name another call of the build already has
 * gets {@code -2}, {@code -3}, ...
 */
public final class RunNames {

    private RunNames() {
    }

    /**
     * Takes a name for a call and adds it to the build's names.
     *
     * @param taken    the names the build's calls have so far; the new name is added
     * @param parts    what names the call, outermost first (stages and branches); blank parts are left out
     * @param fallback the name when the parts give none (no stage; a name of letters {@code ReportName}
     *                 does not allow): the call's id, letters, digits and {@code -}
     */
    public static ReportName claim(Set<String> taken, List<String> parts, String fallback) {
        String base = sanitized(parts);
        if (base.isEmpty()) {
            base = sanitized(List.of(fallback));
        }
        if (base.isEmpty()) {
            throw new IllegalArgumentException("fallback must give a name, got: " + fallback);
        }
        synchronized (taken) {
            String name = base;
            for (int n = 2; !taken.add(name); n++) {
                String suffix = "-" + n;
                name = trimmed(base.substring(0, Math.min(base.length(), ReportName.MAX_LENGTH - suffix.length())))
                        + suffix;
            }
            return new ReportName(name);
        }
    }

    private static String sanitized(List<String> parts) {
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                kept.add(part.strip());
            }
        }
        String name = String.join("-", kept)
                .replaceAll("[^A-Za-z0-9._-]+", "-")
                .replaceAll("-{2,}", "-")
                .replaceFirst("^[^A-Za-z0-9]+", "");
        return trimmed(name.substring(0, Math.min(name.length(), ReportName.MAX_LENGTH)));
    }

    /** Without the separators a cut or a replacement left at the end. */
    private static String trimmed(String name) {
        return name.replaceFirst("[-._]+$", "");
    }
}
