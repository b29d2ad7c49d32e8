package io.winrminvoke.engine.ssh.client;

import io.winrminvoke.engine.ssh.SshSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * Verifies a host key against an OpenSSH known_hosts file. A listed host with the listed key
 * passes; a listed host with another key never does (an impostor, or a reinstalled host whose
 * entry must be updated by hand); an unlisted host passes only when unknown keys are accepted,
 * and then the run is told which key it accepted. Remembers why it refused, for the message,
 * and what it accepted: it runs on sshj's reader thread, and the run hears of it from the
 * attempt's own thread.
 */
public final class KnownHostsCheck extends OpenSSHKnownHosts {

    private final Path file;
    private final boolean acceptUnknown;
    private volatile String refusal;
    private volatile String accepted;

    KnownHostsCheck(SshSettings settings) throws IOException {
        super(settings.knownHostsFile().toFile());
        this.file = settings.knownHostsFile();
        this.acceptUnknown = settings.acceptUnknownHostKey();
    }

    /** @throws IllegalArgumentException naming the file and the problem */
    public static void validate(SshSettings settings) {
        Path file = settings.knownHostsFile();
        if (!Files.exists(file)) {
            if (settings.acceptUnknownHostKey() && settings.knownHosts() == null) {
                return; // nothing known yet, and the user said unknown keys are fine
            }
            throw new IllegalArgumentException(file + " does not exist; list the hosts' keys there "
                    + "(ssh-keyscan -H HOST >> " + file + ", then check the fingerprints) or accept unknown host keys");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException(file + " is not a readable file");
        }
        try {
            new OpenSSHKnownHosts(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Why the last key was refused, or null. */
    String refusal() {
        return refusal;
    }

    /** What the run should be told about an unknown key this check accepted, or null. */
    String acceptedNotice() {
        return accepted;
    }

    @Override
    protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
        if (acceptUnknown) {
            accepted = "accepted unknown SSH host key " + describe(key) + " of " + hostname + " (not in " + file
                    + "; unknown host keys are accepted for this run)";
            return true;
        }
        refusal = "host key " + describe(key) + " of " + hostname + " is not in " + file
                + " (add it after checking its fingerprint, or accept unknown host keys)";
        return false;
    }

    @Override
    protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
        refusal = "host key " + describe(key) + " of " + hostname + " differs from the key " + file
                + " lists for it: someone may be impersonating the host; if it was reinstalled, replace its entry";
        return false;
    }

    /** {@code ssh-ed25519 SHA256:...}: the fingerprint in the form {@code ssh-keygen -l} and OpenSSH's prompts show. */
    static String describe(PublicKey key) {
        byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return KeyType.fromKey(key) + " SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
