package io.winrminvoke.engine.run;

import io.winrminvoke.engine.mask.Masker;
import io.winrminvoke.engine.mask.SecretMasker;
import io.winrminvoke.engine.InvalidInputException;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.ssh.SshClients;
import io.winrminvoke.engine.ssh.SshPrivateKey;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.engine.targets.Transport;
import io.winrminvoke.engine.winrm.WinRsClients;
import io.winrminvoke.engine.winrm.XmlText;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one run needs, validated before any host is contacted.
 *
 * @param targets  hosts in the order they start (from {@code TargetParser})
 * @param user     user name for every host
 * @param password password for every host; never in toString, logs or reports. May be null when
 *                 the WinRM hosts log in with a Kerberos ticket cache or keytab ({@code options.auth()})
 *                 and the SSH hosts with {@code sshKey}
 * @param command  what runs on each host
 * @param options  how (null = defaults)
 * @param masker   applied to every line of output and message (null = none)
 * @param sshKey   private key for SSH hosts (tried before the password), or null
 */
public record RunRequest(List<Target> targets, String user, String password, CommandSpec command,
                         RunOptions options, Masker masker, SshPrivateKey sshKey) {

    /** A request whose hosts authenticate with the password only. */
    public RunRequest(List<Target> targets, String user, String password, CommandSpec command, RunOptions options,
                      Masker masker) {
        this(targets, user, password, command, options, masker, null);
    }

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
        boolean anyWinRm = options.anyUses(Transport.WINRM, targets);
        boolean anySsh = options.anyUses(Transport.SSH, targets);
        if (anyWinRm) {
            try {
                options.auth().check(user, password != null, options.https());
            } catch (InvalidInputException e) {
                if (password == null && anySsh && sshKey != null) {
                    throw new InvalidInputException(e.getMessage() + " for the WinRM hosts (the SSH key serves only "
                            + "SSH hosts)");
                }
                throw e;
            }
            for (Target target : targets) {
                if (options.transportFor(target) == Transport.WINRM) {
                    options.auth().checkTarget(user, target.host());
                }
            }
            checkWinRmCanCarry("command", command.command(), "; a PowerShell script is sent encoded and may hold it");
            for (String argument : command.arguments()) {
                checkWinRmCanCarry("arguments", argument, "");
            }
        }
        if (password == null && anySsh && sshKey == null) {
            throw new InvalidInputException("password: missing; the SSH hosts need a password or an SSH key");
        }
        if (anySsh) {
            validateSsh(options, sshKey);
        }
        if (anyWinRm && options.https()) {
            try {
                WinRsClients.validate(options.tls());
            } catch (IllegalArgumentException e) {
                // A missing or unreadable CA file would fail every host the same way: stop before any.
                throw new InvalidInputException("tls: " + e.getMessage());
            }
        }
        // The password and the key passphrase are secrets whatever the caller registered: an embedder
        // that forgets to pass a masker must not get them echoed into consoles and reports.
        List<String> secrets = new ArrayList<>();
        if (password != null) {
            secrets.add(password);
        }
        if (sshKey != null && sshKey.passphrase() != null) {
            secrets.add(sshKey.passphrase());
        }
        SecretMasker secretsOnly = SecretMasker.of(secrets);
        if (masker == null) {
            masker = secretsOnly;
        } else if (masker instanceof SecretMasker registered) {
            masker = registered.with(secrets);
        } else {
            Masker callers = masker;
            masker = text -> secretsOnly.mask(callers.mask(text));
        }
    }

    /** SSH settings that would fail every SSH host alike stop the run before it starts. */
    private static void validateSsh(RunOptions options, SshPrivateKey sshKey) {
        try {
            SshClients.validate(options.ssh());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("knownHosts: " + e.getMessage());
        }
        if (sshKey != null) {
            try {
                SshClients.validate(sshKey);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("sshKey: " + e.getMessage());
            }
        }
    }

    @Override
    public String toString() {
        return "RunRequest[" + targets.size() + " targets, user=" + user + (password == null ? "" : ", password=****")
                + (sshKey == null ? "" : ", sshKey=****") + ", command=" + masker.mask(command.description())
                + ", options=" + options + "]";
    }

    /**
     * Text that goes into the envelope as it is must be XML 1.0 (XmlText); refused naming the
     * place of the character, not the text, which may hold a secret.
     */
    private static void checkWinRmCanCarry(String option, String text, String hint) {
        int at = XmlText.firstUnwritable(text);
        if (at >= 0) {
            throw new InvalidInputException(option + ": " + XmlText.describe(text, at) + " at position " + (at + 1)
                    + " cannot be sent to WinRM hosts (WS-Management messages are XML 1.0, which cannot carry it)"
                    + hint);
        }
    }
}
