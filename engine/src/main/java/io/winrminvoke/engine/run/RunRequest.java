package io.winrminvoke.engine.run;

import io.winrminvoke.engine.mask.Masker;
import io.winrminvoke.engine.mask.SecretMasker;
import io.winrminvoke.engine.InvalidInputException;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.engine.winrm.WinRsClients;
import java.util.List;

/**
 * Everything one run needs, validated before any host is contacted.
 *
 * @param targets  hosts in the order they start (from {@code TargetParser})
 * @param user     user name for every host
 * @param password password for every host; never in toString, logs or reports; null only when
 *                 Kerberos credentials come from a ticket cache or keytab ({@code options.auth()})
 * @param command  what runs on each host
 * @param options  how (null = defaults)
 * @param masker   applied to every line of output and message (null = none)
 */
public record RunRequest(List<Target> targets, String user, String password, CommandSpec command,
                         RunOptions options, Masker masker) {

    public RunRequest {
        if (targets == null || targets.isEmpty()) {
            throw new InvalidInputException("targets: no hosts given; at least one host is required");
        }
        targets = List.copyOf(targets);
        if (user == null || user.isBlank()) {
            throw InvalidInputException.forOption("user", user == null ? "" : user, "a non-empty user name");
        }
        if (command == null) {
            throw new InvalidInputException("command: missing; a command to run is required");
        }
        Codepages.charsetFor(command.codepage());
        options = options == null ? RunOptions.defaults() : options;
        options.auth().check(user, password != null, options.https());
        for (Target target : targets) {
            options.auth().checkTarget(user, target.host());
        }
        if (options.https()) {
            try {
                WinRsClients.validate(options.tls());
            } catch (IllegalArgumentException e) {
                // A missing or unreadable CA file would fail every host the same way: stop before any.
                throw new InvalidInputException("tls: " + e.getMessage());
            }
        }
        // The password is a secret whatever the caller registered: an embedder that forgets to
        // pass a masker must not get it echoed into consoles and reports.
        List<String> secrets = password == null ? List.of() : List.of(password);
        SecretMasker passwordOnly = SecretMasker.of(secrets);
        if (masker == null) {
            masker = passwordOnly;
        } else if (masker instanceof SecretMasker registered) {
            masker = registered.with(secrets);
        } else {
            Masker callers = masker;
            masker = text -> passwordOnly.mask(callers.mask(text));
        }
    }

    @Override
    public String toString() {
        return "RunRequest[" + targets.size() + " targets, user=" + user + ", password=****, command="
                + masker.mask(command.description()) + ", options=" + options + "]";
    }
}
