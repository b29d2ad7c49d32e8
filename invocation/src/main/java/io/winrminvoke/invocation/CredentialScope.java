package io.winrminvoke.invocation;

import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.engine.targets.Transport;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The URI each host is reached at, as a credential domain sees it ({@code https://web1:5986},
 * {@code ssh://db1:22}): a credential kept in a domain restricted to some hostnames, schemes or
 * ports must be used only for those hosts. Ports and transports come from the engine's own rule
 * ({@link RunOptions#portFor}); the plugin turns each URI into Jenkins' domain requirements.
 */
public final class CredentialScope {

    private CredentialScope() {
    }

    /** One URI per distinct host and port, in input order. */
    public static List<String> uris(List<Target> targets, RunOptions options) {
        Set<String> uris = new LinkedHashSet<>();
        for (Target target : targets) {
            Transport transport = options.transportFor(target);
            String scheme = transport == Transport.SSH ? "ssh" : options.https() ? "https" : "http";
            uris.add(scheme + "://" + target.hostForUrl() + ":" + options.portFor(target));
        }
        return List.copyOf(uris);
    }
}
