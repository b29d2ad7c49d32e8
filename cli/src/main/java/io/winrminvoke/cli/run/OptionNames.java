package io.winrminvoke.cli.run;

import io.winrminvoke.engine.InvalidInputException;
import io.winrminvoke.engine.OptionLabels;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The engine's builders name their settings as in code ({@code commandTimeout}); a CLI user typed
 * {@code --command-timeout}. Rewrites the leading name of such a message so it names the option
 * the user actually gave.
 */
final class OptionNames {

    private static final Map<String, String> CLI_OPTION_BY_SETTING = Map.ofEntries(
            Map.entry("user", "--user"),
            Map.entry("port", "--port"),
            Map.entry("throttle", "--throttle"),
            Map.entry("connectTimeout", "--connect-timeout"),
            Map.entry("operationTimeout", "--operation-timeout"),
            Map.entry("commandTimeout", "--command-timeout"),
            Map.entry("overallTimeout", "--timeout"),
            Map.entry("retries", "--retries"),
            Map.entry("maxAttempts", "--retries"),
            Map.entry("initialDelay", "--retry-delay"),
            Map.entry("multiplier", "--retry-backoff"),
            Map.entry("maxDelay", "--max-retry-delay"),
            Map.entry("codepage", "--codepage"),
            Map.entry("keepLast", "--keep-reports"),
            Map.entry("maxAge", "--keep-reports-for"),
            Map.entry("tls", "--ca-file"),
            Map.entry("auth", "--auth"),
            Map.entry("spnService", "--spn-service"),
            Map.entry("spnPort", "--spn-port"),
            Map.entry("spnCanonicalName", "--spn-canonical-name"),
            Map.entry("password", "--password-env"),
            Map.entry("basicOverHttp", "--allow-unencrypted"),
            Map.entry("kerberosTicketCache", "--kerberos-ticket-cache"),
            Map.entry("kerberosKeytab", "--keytab"),
            Map.entry("knownHosts", "--known-hosts"),
            Map.entry("sshKey", "--ssh-key"),
            Map.entry("powershell argument name", "--powershell-arg"),
            Map.entry("waves", "--waves"),
            Map.entry("maxFailures", "--max-failures"),
            Map.entry("failFast", "--fail-fast"),
            Map.entry("authFailureLimit", "--auth-failure-limit"),
            Map.entry("https", "--https"),
            Map.entry("trustedCaPem", "--ca-file"),
            Map.entry("reportName", "--report-name"));

    /** Setting names that engine messages quote in their text (not only as their leading name). */
    private static final Map<String, String> QUOTED_SETTINGS = Map.of(
            "basicOverHttp", "--allow-unencrypted",
            "kerberosTicketCache", "--kerberos-ticket-cache",
            "kerberosKeytab", "--keytab");

    private OptionNames() {
    }

    private static String settingsInText(String text) {
        String translated = text;
        for (Map.Entry<String, String> setting : QUOTED_SETTINGS.entrySet()) {
            translated = translated.replaceAll("\\b" + setting.getKey() + "\\b", setting.getValue());
        }
        return translated;
    }

    /** The engine's option labels in CLI words, for the messages of a run (a refused certificate names --ca-file). */
    static OptionLabels labels() {
        return OptionLabels.of(CLI_OPTION_BY_SETTING);
    }

    static <T> T translate(Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidInputException e) {
            String message = String.valueOf(e.getMessage());
            int colon = message.indexOf(':');
            String option = colon > 0 ? CLI_OPTION_BY_SETTING.get(message.substring(0, colon)) : null;
            if (option == null) {
                throw e;
            }
            InvalidInputException translated = new InvalidInputException(option + settingsInText(message.substring(colon)));
            translated.initCause(e);
            throw translated;
        }
    }
}
