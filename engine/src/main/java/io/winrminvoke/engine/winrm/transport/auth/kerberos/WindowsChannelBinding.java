package io.winrminvoke.engine.winrm.transport.auth.kerberos;

import io.winrminvoke.engine.winrm.transport.auth.ChannelBindings;
import java.lang.reflect.Constructor;
import org.ietf.jgss.ChannelBinding;

/**
 * Channel bindings in the form Windows checks. The JDK hashes a plain {@link ChannelBinding}
 * with the null-address type 255, where Windows and MIT use 0, and Windows refuses such a binding
 * even at CbtHardeningLevel Relaxed. Only the JDK's own {@code TlsChannelBindingImpl} (made for
 * its LDAP client) is hashed with 0; its package is not exported, so it is usable only where the
 * JVM exports it: {@code --add-exports java.security.jgss/sun.security.jgss.krb5.internal=ALL-UNNAMED},
 * which the CLI's jar manifest declares. Elsewhere (a Jenkins agent) no binding is sent, which
 * Relaxed hosts accept and Strict hosts refuse.
 */
final class WindowsChannelBinding {

    private static final Constructor<? extends ChannelBinding> TLS_BINDING = tlsBinding();

    private WindowsChannelBinding() {
    }

    /** Whether bindings can be sent in Windows' form in this JVM. */
    static boolean available() {
        return TLS_BINDING != null;
    }

    /** The binding to give the context, or null when none should be sent. */
    static ChannelBinding of(ChannelBindings bindings) {
        if (!bindings.present() || TLS_BINDING == null) {
            return null;
        }
        try {
            return TLS_BINDING.newInstance((Object) bindings.applicationData());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Constructor<? extends ChannelBinding> tlsBinding() {
        try {
            Class<? extends ChannelBinding> type = Class.forName("sun.security.jgss.krb5.internal.TlsChannelBindingImpl")
                    .asSubclass(ChannelBinding.class);
            Constructor<? extends ChannelBinding> constructor = type.getConstructor(byte[].class);
            constructor.newInstance((Object) new byte[0]); // throws IllegalAccessException unless exported
            return constructor;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }
}
