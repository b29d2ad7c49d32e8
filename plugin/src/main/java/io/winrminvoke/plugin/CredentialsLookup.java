package io.winrminvoke.plugin;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernameCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.AbortException;
import hudson.model.Run;
import hudson.util.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;

/**
 * Resolves the step's credentials as the build's authentication may use them, on the controller,
 * before any host is contacted, and records each use on the build: {@code credentialsId} (a
 * username with password, or an SSH username with private key) and {@code keytabCredentialsId}
 * (a secret file holding a Kerberos keytab). Both are looked up for every host they log in to: one
 * kept in a domain restricted to some hosts is not used for others. A missing id, an id of another
 * type and a host outside the credential's domain are told apart so the user knows what to fix.
 */
final class CredentialsLookup {

    private CredentialsLookup() {
    }

    /** @param hostUris each host as a credential domain sees it ({@code CredentialScope#uris}) */
    static HostLogin resolve(Run<?, ?> run, String credentialsId, String keytabCredentialsId, List<String> hostUris)
            throws IOException {
        if (InvocationSettings.isBlank(credentialsId)) {
            throw new AbortException("winrmInvoke: 'credentialsId' is required (a username/password credential,"
                    + " or an SSH username with private key)");
        }
        StandardUsernameCredentials c = CredentialsProvider.findCredentialById(credentialsId,
                StandardUsernameCredentials.class, run, List.of());
        if (!(c instanceof StandardUsernamePasswordCredentials) && !(c instanceof SSHUserPrivateKey)) {
            StandardCredentials other = c != null ? c
                    : CredentialsProvider.findCredentialById(credentialsId, StandardCredentials.class, run, List.of());
            if (other != null) {
                throw new AbortException("winrmInvoke: credentials '" + credentialsId + "' are of type "
                        + other.getDescriptor().getDisplayName() + "; a username with password is required"
                        + " (or, for SSH hosts, an SSH username with private key)");
            }
            throw new AbortException("winrmInvoke: no credentials with id '" + credentialsId
                    + "' are available to this build");
        }
        // the same type as above, so the rule holds for a password and an SSH key alike
        requireEveryHost(run, credentialsId, StandardUsernameCredentials.class, hostUris, "");
        // findCredentialById tracks usage only for credentials parameters; record every use
        CredentialsProvider.track(run, c);
        byte[] keytab = keytab(run, keytabCredentialsId, hostUris);
        if (c instanceof SSHUserPrivateKey key) {
            List<String> keys = key.getPrivateKeys();
            if (keys.isEmpty()) {
                throw new AbortException("winrmInvoke: credentials '" + credentialsId + "' hold no private key");
            }
            // the engine tries one key; an SSH credential with several keys gives its first
            return new HostLogin(key.getUsername(), key.isUsernameSecret(), null, Secret.fromString(keys.get(0)),
                    key.getPassphrase(), keytab);
        }
        StandardUsernamePasswordCredentials password = (StandardUsernamePasswordCredentials) c;
        // with a keytab the WinRM hosts log in with it; the engine refuses a password next to it
        return new HostLogin(password.getUsername(), password.isUsernameSecret(),
                keytab != null ? null : password.getPassword(), null, null, keytab);
    }

    /**
     * Fails naming the first of {@code hostUris} outside the domain of credential {@code id}: a
     * credential kept in a domain for some hosts is not used for others.
     *
     * @param option what names the option in the message ({@code ""} for credentialsId)
     */
    private static <C extends IdCredentials> void requireEveryHost(Run<?, ?> run, String id, Class<C> type,
            List<String> hostUris, String option) throws AbortException {
        List<List<DomainRequirement>> scopes = domainRequirements(hostUris);
        for (int i = 0; i < scopes.size(); i++) {
            if (CredentialsProvider.findCredentialById(id, type, run, scopes.get(i)) == null) {
                throw new AbortException("winrmInvoke: " + option + "credentials '" + id + "' may not be used for "
                        + hostUris.get(i) + ": the host is outside the credential's domain");
            }
        }
    }

    /** One domain requirement list per host URI: a credential's domain must admit each host it is used for. */
    static List<List<DomainRequirement>> domainRequirements(List<String> hostUris) {
        List<List<DomainRequirement>> requirements = new ArrayList<>();
        for (String uri : hostUris) {
            requirements.add(URIRequirementBuilder.fromUri(uri).build());
        }
        return requirements;
    }

    /** The hosts a keytab logs in to: the WinRM ones (SSH hosts use {@code credentialsId}). */
    static List<String> winrmUris(List<String> hostUris) {
        return hostUris.stream().filter(uri -> !uri.startsWith("ssh://")).toList();
    }

    /** The keytab's bytes; like the host credential, looked up for every WinRM host it logs in to. */
    private static byte[] keytab(Run<?, ?> run, String keytabCredentialsId, List<String> hostUris) throws IOException {
        if (InvocationSettings.isBlank(keytabCredentialsId)) {
            return null;
        }
        FileCredentials file = CredentialsProvider.findCredentialById(keytabCredentialsId, FileCredentials.class,
                run, List.of());
        if (file == null) {
            throw new AbortException("winrmInvoke: keytabCredentialsId: no secret file credentials with id '"
                    + keytabCredentialsId + "' are available to this build");
        }
        requireEveryHost(run, keytabCredentialsId, FileCredentials.class, winrmUris(hostUris), "keytabCredentialsId: ");
        CredentialsProvider.track(run, file);
        try (InputStream in = file.getContent()) {
            return in.readAllBytes();
        }
    }
}
