package io.winrminvoke.engine.winrm.transport.auth.kerberos;

import io.winrminvoke.engine.winrm.KerberosSettings;
import io.winrminvoke.engine.winrm.transport.auth.AuthProtocolException;
import java.util.HashMap;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * One JAAS login with the JDK's Krb5LoginModule, configured in code and handed to this
 * LoginContext only: no JAAS file, no {@code Configuration.setConfiguration}, no system property.
 * The password goes to the module through a callback and is not kept.
 */
final class KerberosLogin {

    private static final String MODULE = "com.sun.security.auth.module.Krb5LoginModule";
    private static final String ENTRY = "winrm-invoke";

    private KerberosLogin() {
    }

    static Subject login(String principal, String password, KerberosSettings settings) throws AuthProtocolException {
        Map<String, String> options = new HashMap<>();
        options.put("isInitiator", "true");
        // krb5.conf is read JVM-wide by the JDK; re-reading it at each login makes a changed file
        // count at the next run of a long-lived JVM (a Jenkins agent) instead of never.
        options.put("refreshKrb5Config", "true");
        options.put("storeKey", "false");
        if (settings.keytab() != null) {
            options.put("useKeyTab", "true");
            options.put("keyTab", settings.keytab().toString());
            options.put("principal", principal);
            options.put("doNotPrompt", "true");
        } else if (settings.ticketCache() != null) {
            options.put("useTicketCache", "true");
            options.put("ticketCache", settings.ticketCache().toString());
            options.put("doNotPrompt", "true");
        } else {
            options.put("principal", principal);
            options.put("useTicketCache", "false");
        }
        Configuration configuration = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {
                        new AppConfigurationEntry(MODULE, AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
            }
        };
        try {
            LoginContext login = new LoginContext(ENTRY, new Subject(), callbacks -> answer(callbacks, principal, password),
                    configuration);
            login.login();
            return login.getSubject();
        } catch (LoginException e) {
            throw KerberosFailures.login(e, principal, settings);
        }
    }

    private static void answer(Callback[] callbacks, String principal, String password)
            throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(principal);
            } else if (callback instanceof PasswordCallback secret && password != null) {
                secret.setPassword(password.toCharArray());
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }
}
