package io.winrminvoke.engine.report.retention;

import io.winrminvoke.engine.InvalidInputException;
import java.time.Duration;

/**
 * Which report directories to keep under a parent: the newest {@code keepLast}, and/or those
 * younger than {@code maxAge}. A directory goes when either given rule says so (as Jenkins'
 * build discarder treats "max # to keep" and "days to keep"); null means the rule is off.
 */
public record RetentionPolicy(Integer keepLast, Duration maxAge) {

    public RetentionPolicy {
        if (keepLast != null && keepLast < 1) {
            throw InvalidInputException.forOption("keepLast", keepLast, "allowed 1 or more (or unset to keep any number)");
        }
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw InvalidInputException.forOption("maxAge", maxAge, "a duration longer than 0 (or unset to keep any age)");
        }
    }

    public static RetentionPolicy keepLast(int count) {
        return new RetentionPolicy(count, null);
    }

    public static RetentionPolicy maxAge(Duration age) {
        return new RetentionPolicy(null, age);
    }

    /** The seed script's rule: delete what is older than 30 days. */
    public static RetentionPolicy thirtyDays() {
        return maxAge(Duration.ofDays(30));
    }

    public boolean keepsEverything() {
        return keepLast == null && maxAge == null;
    }
}
