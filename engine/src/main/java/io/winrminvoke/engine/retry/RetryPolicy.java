package io.winrminvoke.engine.retry;

import io.winrminvoke.engine.options.InvalidInputException;
import java.time.Duration;

/**
 * How often and how fast a host is retried. An immutable value, validated once when built; the
 * attempt loop applies it, {@link FailureClassifier} decides which failures it applies to.
 *
 * <p>Defaults (see docs/engine.md): 4 attempts = the first + 3 retries and 5 s initial delay, as
 * Ansible's {@code retries: 3, delay: 5}; the delay doubles (as pypsrp's reconnect backoff) up
 * to 60 s; +/-20 % jitter so a fleet that failed together does not retry in lock-step.
 *
 * @param maxAttempts              attempts in total, at least 1 (1 = never retry)
 * @param initialDelay             wait after the first failed attempt
 * @param multiplier               factor applied to the wait after each further failure, at least 1
 * @param maxDelay                 cap on any single wait (before jitter is applied the cap holds too)
 * @param jitter                   each wait is drawn uniformly from {@code delay * [1 - jitter, 1 + jitter]}, 0..1
 * @param retryOnNonZeroExit       retry attempts whose command exited non-zero (off by default)
 * @param retryAfterCommandStarted retry transient failures even when the command may already have
 *                                 started on the host, risking running it twice (off by default)
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay,
                          double jitter, boolean retryOnNonZeroExit, boolean retryAfterCommandStarted) {

    public static final int DEFAULT_MAX_ATTEMPTS = 4;
    public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofSeconds(5);
    public static final double DEFAULT_MULTIPLIER = 2.0;
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(60);
    public static final double DEFAULT_JITTER = 0.2;

    /** Highest accepted attempt count; more would only hide a broken host. */
    public static final int MAX_MAX_ATTEMPTS = 100;

    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > MAX_MAX_ATTEMPTS) {
            throw InvalidInputException.forOption("maxAttempts", maxAttempts,
                    "allowed 1.." + MAX_MAX_ATTEMPTS + " (retries 0.." + (MAX_MAX_ATTEMPTS - 1) + ")");
        }
        requireNonNegative("initialDelay", initialDelay);
        requireNonNegative("maxDelay", maxDelay);
        if (!(multiplier >= 1.0 && multiplier <= 100.0)) {
            throw InvalidInputException.forOption("multiplier", multiplier, "allowed 1.0..100.0");
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw InvalidInputException.forOption("jitter", jitter, "allowed 0.0..1.0 (fraction of the delay)");
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw InvalidInputException.forOption("maxDelay", maxDelay,
                    "must not be shorter than initialDelay (" + initialDelay + ")");
        }
    }

    /** The defaults documented above. */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /** Exactly one attempt. */
    public static RetryPolicy noRetry() {
        return builder().maxAttempts(1).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Retries after the first attempt ({@code maxAttempts - 1}): the number users type. */
    public int retries() {
        return maxAttempts - 1;
    }

    /**
     * The wait after failed attempt {@code attempt} (1-based) before the next one, before jitter:
     * {@code min(maxDelay, initialDelay * multiplier^(attempt-1))}.
     */
    public Duration baseDelayAfter(int attempt) {
        double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis(Math.round(millis));
    }

    /**
     * The wait after failed attempt {@code attempt}, with jitter drawn from {@code random01}, a
     * value in [0, 1). Never longer than {@code maxDelay}, never negative.
     */
    public Duration delayAfter(int attempt, double random01) {
        long base = baseDelayAfter(attempt).toMillis();
        double factor = 1.0 + jitter * (2.0 * random01 - 1.0);
        long jittered = Math.round(base * factor);
        return Duration.ofMillis(Math.max(0, Math.min(jittered, maxDelay.toMillis())));
    }

    private static void requireNonNegative(String option, Duration d) {
        if (d == null || d.isNegative()) {
            throw InvalidInputException.forOption(option, d, "a duration of 0 or more");
        }
    }

    /** Builder starting from the defaults. */
    public static final class Builder {
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration initialDelay = DEFAULT_INITIAL_DELAY;
        private double multiplier = DEFAULT_MULTIPLIER;
        private Duration maxDelay;
        private double jitter = DEFAULT_JITTER;
        private boolean retryOnNonZeroExit;
        private boolean retryAfterCommandStarted;

        private Builder() {
        }

        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Convenience for the user-facing count: {@code retries(3)} = 4 attempts. */
        public Builder retries(int retries) {
            if (retries < 0 || retries > MAX_MAX_ATTEMPTS - 1) {
                throw InvalidInputException.forOption("retries", retries, "allowed 0.." + (MAX_MAX_ATTEMPTS - 1));
            }
            this.maxAttempts = retries + 1;
            return this;
        }

        public Builder initialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
            return this;
        }

        public Builder multiplier(double multiplier) {
            this.multiplier = multiplier;
            return this;
        }

        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
            return this;
        }

        public Builder jitter(double jitter) {
            this.jitter = jitter;
            return this;
        }

        public Builder retryOnNonZeroExit(boolean retryOnNonZeroExit) {
            this.retryOnNonZeroExit = retryOnNonZeroExit;
            return this;
        }

        public Builder retryAfterCommandStarted(boolean retryAfterCommandStarted) {
            this.retryAfterCommandStarted = retryAfterCommandStarted;
            return this;
        }

        public RetryPolicy build() {
            // An unset cap never contradicts a long initial delay the user chose.
            Duration cap = maxDelay != null ? maxDelay
                    : initialDelay != null && initialDelay.compareTo(DEFAULT_MAX_DELAY) > 0 ? initialDelay
                    : DEFAULT_MAX_DELAY;
            return new RetryPolicy(maxAttempts, initialDelay, multiplier, cap, jitter,
                    retryOnNonZeroExit, retryAfterCommandStarted);
        }
    }
}
