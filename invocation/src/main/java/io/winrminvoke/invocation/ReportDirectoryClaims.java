package io.winrminvoke.invocation;

import io.winrminvoke.engine.InvalidInputException;
import java.util.Set;

/**
 * The report directories the calls of one build have taken. Two calls writing into one directory
 * would overwrite each other's reports, artifacts and summary links, so the second is refused
 * before it contacts a host. The set belongs to the build (the plugin keeps it in a build action
 * as a plain JDK set); {@code parallel} branches claim at the same time, so claims lock it.
 */
public final class ReportDirectoryClaims {

    private ReportDirectoryClaims() {
    }

    /**
     * @param claimed   the build's claims so far; the directory is added to it
     * @param directory a directory from {@link ReportDirectory#resolve}
     * @throws InvalidInputException if another call of this build already writes there
     */
    public static void claim(Set<String> claimed, String directory) {
        synchronized (claimed) {
            if (!claimed.add(directory)) {
                throw new InvalidInputException("reportDir '" + directory + "' is already used by another winrmInvoke"
                        + " call in this build; give each call its own reportDir (or leave it unset)");
            }
        }
    }
}
