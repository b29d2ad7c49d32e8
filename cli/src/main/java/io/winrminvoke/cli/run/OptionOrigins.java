package io.winrminvoke.cli.run;

import io.winrminvoke.engine.dryrun.OptionSource;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Where each effective option came from, for the dry run: typed on the command line (flag), read
 * from an {@code @file} of arguments (file: picocli expands those before parsing), or neither
 * (default). An effective option is found under its option name in kebab case
 * ({@code retryDelay} is {@code --retry-delay}) unless it is one of the few named differently.
 */
final class OptionOrigins {

    private static final Map<String, List<String>> OPTIONS_BY_SETTING = Map.of(
            "command", List.of("--command", "--powershell", "--powershell-file"),
            "hosts", List.of("--hosts-file", "--host", "--rerun-failed"),
            "tls", List.of("--ca-file", "--insecure"),
            "powershellArguments", List.of("--powershell-arg"),
            "retryOnNonZeroExit", List.of("--retry-on-exit-code"),
            "retryAfterCommandStarted", List.of("--retry-started"));

    private OptionOrigins() {
    }

    static Map<String, OptionSource> of(ParseResult parsed, Collection<String> settings) {
        List<String> typed = parsed.originalArgs();
        List<String> argumentFiles = typed.stream().filter(a -> a.startsWith("@") && a.length() > 1).toList();
        Map<String, OptionSource> sources = new LinkedHashMap<>();
        for (String setting : settings) {
            for (String name : OPTIONS_BY_SETTING.getOrDefault(setting, List.of(kebab(setting)))) {
                OptionSpec option = parsed.matchedOption(name);
                if (option == null) {
                    continue;
                }
                boolean onCommandLine = typed.stream().anyMatch(a -> a.equals(name) || a.startsWith(name + "="));
                sources.put(setting, onCommandLine || argumentFiles.isEmpty() ? OptionSource.flag(name)
                        : OptionSource.file(String.join(", ", argumentFiles) + " (" + name + ")"));
                break;
            }
        }
        return sources;
    }

    /** {@code retryDelay} -> {@code --retry-delay}. */
    static String kebab(String setting) {
        StringBuilder name = new StringBuilder("--");
        for (char c : setting.toCharArray()) {
            if (Character.isUpperCase(c)) {
                name.append('-').append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }
}
