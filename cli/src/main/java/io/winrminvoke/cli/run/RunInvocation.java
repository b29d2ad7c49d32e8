package io.winrminvoke.cli.run;

import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.run.CommandSpec;
import io.winrminvoke.engine.target.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A {@code run} whose every input has been validated: nothing about it can still be wrong in a
 * way the user should have been told before a host was contacted.
 *
 * @param targets   the hosts, in input order
 * @param warnings  things worth telling the user that do not stop the run (duplicate hosts)
 * @param user      the WinRM user
 * @param password  the password, read from the environment; never shown
 * @param command   what to run on every host
 * @param options   throttle, timeouts, retry, TLS
 * @param reportDir where the report files go (created)
 * @param quiet     no live host lines and no progress line
 */
public record RunInvocation(List<Target> targets, List<String> warnings, String user, String password,
                            CommandSpec command, RunOptions options, Path reportDir, boolean quiet) {

    public RunInvocation {
        targets = List.copyOf(targets);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(reportDir, "reportDir");
    }

    @Override
    public String toString() {
        return "RunInvocation[" + targets.size() + " targets, user=" + user + ", password=****, command="
                + command.description() + ", reportDir=" + reportDir + ", quiet=" + quiet + "]";
    }
}
