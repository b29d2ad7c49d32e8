package io.winrminvoke.cli.run;

import io.winrminvoke.engine.InvalidInputException;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.run.RunRequest;
import io.winrminvoke.engine.ssh.SshPrivateKey;
import io.winrminvoke.engine.ssh.SshSettings;
import io.winrminvoke.engine.targets.TargetList;
import io.winrminvoke.engine.targets.Transport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import picocli.CommandLine.Option;

/** The SSH options of {@code run} (docs/ssh.md), mixed into {@link RunCommand}. */
final class SshOptions {

    @Option(names = "--transport", paramLabel = "winrm|ssh",
            description = "How hosts that name no scheme are reached (default winrm; ssh://host entries always use SSH).")
    String transport;

    @Option(names = "--known-hosts", paramLabel = "FILE",
            description = "SSH host keys are verified against this OpenSSH known_hosts file (default ~/.ssh/known_hosts).")
    Path knownHosts;

    @Option(names = "--accept-unknown-host-key",
            description = "Accept SSH hosts that known_hosts does not list (each one is named with its key's "
                    + "fingerprint); a host listed with another key is still refused.")
    boolean acceptUnknownHostKey;

    @Option(names = "--ssh-key", paramLabel = "FILE",
            description = "Private key for SSH hosts (OpenSSH, PEM or PuTTY format), tried before the password.")
    Path sshKey;

    @Option(names = "--ssh-key-passphrase-env", paramLabel = "VAR",
            description = "Name of the environment variable holding the --ssh-key passphrase.")
    String sshKeyPassphraseEnv;

    /** The run's transport and host key verification; a known_hosts file that was named must be readable. */
    void applyTo(RunOptions.Builder builder) {
        if (transport != null) {
            builder.transport(Transport.parse(transport, "--transport"));
        }
        if (knownHosts != null) {
            InputFiles.requireReadable(knownHosts, "--known-hosts");
        }
        builder.ssh(new SshSettings(knownHosts, acceptUnknownHostKey));
    }

    /**
     * The private key for SSH hosts, or null. SSH options given for a run without an SSH host
     * are a mistake (as --ca-file without --https is).
     *
     * @param secretFromEnv (variable, option) to the secret that variable holds
     */
    SshPrivateKey privateKey(TargetList targets, RunOptions options, BiFunction<String, String, String> secretFromEnv) {
        List<String> given = new ArrayList<>();
        if (knownHosts != null) {
            given.add("--known-hosts");
        }
        if (acceptUnknownHostKey) {
            given.add("--accept-unknown-host-key");
        }
        if (sshKey != null) {
            given.add("--ssh-key");
        }
        if (sshKeyPassphraseEnv != null) {
            given.add("--ssh-key-passphrase-env");
        }
        if (!given.isEmpty() && !options.anyUses(Transport.SSH, targets.targets())) {
            throw new InvalidInputException(String.join(", ", given) + " applies only to SSH hosts: add "
                    + "--transport ssh or ssh://host entries");
        }
        if (sshKeyPassphraseEnv != null && sshKey == null) {
            throw new InvalidInputException("--ssh-key-passphrase-env applies only with --ssh-key");
        }
        if (sshKey == null) {
            return null;
        }
        String text = InputFiles.readText(sshKey, "--ssh-key");
        String passphrase = sshKeyPassphraseEnv == null ? null
                : secretFromEnv.apply(sshKeyPassphraseEnv, "--ssh-key-passphrase-env");
        return new SshPrivateKey(text, passphrase);
    }

    /** What results.json records of SSH: file names, never the key or its passphrase. */
    void describe(RunRequest request, Map<String, Object> effective) {
        RunOptions options = request.options();
        effective.put("transport", options.transport().scheme());
        if (options.anyUses(Transport.SSH, request.targets())) {
            effective.put("knownHosts", options.ssh().knownHostsFile());
            effective.put("acceptUnknownHostKey", options.ssh().acceptUnknownHostKey());
            effective.put("sshKey", sshKey);
        }
    }
}
