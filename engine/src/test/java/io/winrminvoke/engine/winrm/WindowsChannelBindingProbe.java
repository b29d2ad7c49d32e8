package io.winrminvoke.engine.winrm;

/** Whether this JVM exports the JDK's TLS channel binding class (as the engine's surefire argLine and the CLI's manifest do). */
final class WindowsChannelBindingProbe {

    private WindowsChannelBindingProbe() {
    }

    static boolean available() {
        return Object.class.getModule().getLayer().findModule("java.security.jgss")
                .map(m -> m.isExported("sun.security.jgss.krb5.internal", WindowsChannelBindingProbe.class.getModule()))
                .orElse(false);
    }
}
