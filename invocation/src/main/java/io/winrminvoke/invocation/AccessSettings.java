package io.winrminvoke.invocation;

import io.winrminvoke.engine.InvalidInputException;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.run.RunRequest;
import io.winrminvoke.engine.ssh.SshSettings;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.engine.targets.Transport;
import io.winrminvoke.engine.winrm.AuthSettings;
import java.io.File;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the hosts are reached and logged in to, as the step's plain values (docs/auth.md,
 * docs/ssh.md): the WinRM authentication method and its Kerberos options, the transport with
 * SSH host key verification, and how many hosts may refuse the credentials before no further
 * host is tried with them (lock-out protection, docs/engine.md). The engine parses and validates each value; the secrets (password,
 * key, keytab) are resolved from the credentials ids by the plugin's {@code CredentialsLookup}
 * and travel separately in its {@code HostLogin}.
 */
public record AccessSettings(String auth, String spnService, boolean spnPort, boolean spnCanonicalName,
                      String keytabCredentialsId, boolean allowUnencrypted, String transport, String knownHosts,
                      boolean acceptUnknownHostKey, Integer authFailureLimit) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Checks what needs no agent: a bad value contacts no host. */
    public void validate() {
        authSettings(keytabPlaceholder());
        if (!isBlank(transport)) {
            Transport.parse(transport, "transport");
        }
    }

    /**
     * SSH host key options on a fleet without an SSH host are a mistake, refused in one line naming
     * them before any host is contacted (as the CLI refuses {@code --known-hosts} there): a user who
     * meant {@code transport: 'ssh'} must not have the run go out over WinRM unnoticed.
     */
    public void checkAppliesTo(List<Target> targets, RunOptions options) {
        List<String> given = new ArrayList<>();
        if (!isBlank(knownHosts)) {
            given.add("knownHosts");
        }
        if (acceptUnknownHostKey) {
            given.add("acceptUnknownHostKey");
        }
        if (!given.isEmpty() && !options.anyUses(Transport.SSH, targets)) {
            throw new InvalidInputException(String.join(", ", given) + " applies only to SSH hosts: add "
                    + "transport: 'ssh' or ssh://host entries");
        }
    }

    /**
     * Stands for the keytab where it is not written (the checks, the controller's credential scope):
     * only whether a keytab is given matters there. Null without {@code keytabCredentialsId}.
     */
    public Path keytabPlaceholder() {
        return isBlank(keytabCredentialsId) ? null : Path.of("keytab");
    }

    /** @param keytab the keytab written on the agent for this run, or null */
    public AuthSettings authSettings(Path keytab) {
        return AuthSettings.fromOptions(auth, spnService, spnPort, spnCanonicalName, null, keytab, allowUnencrypted);
    }

    /** Adds these settings to the run's options; a relative {@code knownHosts} is a workspace path. */
    public void applyTo(RunOptions.Builder options, File workspace, Path keytab) {
        options.auth(authSettings(keytab));
        if (!isBlank(transport)) {
            options.transport(Transport.parse(transport, "transport"));
        }
        // the engine checks the file is readable, before any host is contacted
        // no workspace: the controller's credential scope, which needs only transports and ports
        Path file = isBlank(knownHosts) || workspace == null ? null
                : workspace.toPath().resolve(knownHosts.trim());
        options.ssh(new SshSettings(file, acceptUnknownHostKey));
        if (authFailureLimit != null) {
            options.authFailureLimit(authFailureLimit); // unset: the engine's default, 1
        }
    }

    /** What results.json and the dry run record of these settings: names and switches, never a secret. */
    public void describe(RunRequest request, Map<String, Object> effective) {
        RunOptions options = request.options();
        effective.put("transport", options.transport().scheme());
        effective.put("authFailureLimit", options.authFailureLimit());
        if (options.anyUses(Transport.WINRM, request.targets())) {
            effective.put("auth", options.auth().methodFor(request.user()).optionValue());
            effective.put("spnService", options.auth().kerberos().spnService().name());
            effective.put("spnPort", spnPort);
            effective.put("spnCanonicalName", spnCanonicalName);
            effective.put("keytabCredentialsId", keytabCredentialsId);
            effective.put("allowUnencrypted", allowUnencrypted);
        }
        if (options.anyUses(Transport.SSH, request.targets())) {
            effective.put("knownHosts", options.ssh().knownHostsFile().toString());
            effective.put("acceptUnknownHostKey", acceptUnknownHostKey);
            effective.put("sshKey", request.sshKey() != null ? "from credentials" : null);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
