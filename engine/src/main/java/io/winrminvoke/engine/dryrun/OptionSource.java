package io.winrminvoke.engine.dryrun;

import java.util.Locale;
import java.util.Objects;

/**
 * Where an option's value came from, as the dry run shows it.
 *
 * @param kind   default, a file, or a flag (a CLI option, a step parameter)
 * @param detail what exactly: {@code --throttle}, {@code @deploy.args (--throttle)}; empty for a default
 */
public record OptionSource(Kind kind, String detail) {

    /** The three places a value comes from. */
    public enum Kind {
        DEFAULT, FILE, FLAG
    }

    public static final OptionSource DEFAULT = new OptionSource(Kind.DEFAULT, "");

    public OptionSource {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }

    public static OptionSource flag(String detail) {
        return new OptionSource(Kind.FLAG, detail);
    }

    public static OptionSource file(String detail) {
        return new OptionSource(Kind.FILE, detail);
    }

    /** {@code default}, {@code flag --throttle}, {@code file @deploy.args (--throttle)}. */
    public String describe() {
        String word = kind.name().toLowerCase(Locale.ROOT);
        return detail.isEmpty() ? word : word + " " + detail;
    }
}
