package io.winrminvoke.engine.run;

import io.winrminvoke.engine.targets.Target;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Lock-out protection: a domain locks an account after a handful of failed logons (typically 5
 * to 10), and a fleet run makes one logon per host, so a mistyped password would lock the account
 * out of every server in the first wave. Once {@code limit} hosts have refused the run's
 * credentials no further host is tried with them; and until some host has accepted them, at most
 * as many logons are in flight as refusals are still allowed, so a wrong password costs exactly
 * {@code limit} failed logons whatever the throttle. {@code limit} 0 turns it off.
 *
 * <p>A logon whose outcome is unknown (the host was unreachable) frees its place for the next.
 */
final class CredentialBreaker {

    /** How often a waiting host re-checks that the run still wants it. */
    private static final Duration RECHECK = Duration.ofMillis(200);

    /** One host's logon: tell the breaker how it went (the first verdict counts). */
    interface Logon {
        void accepted();

        void refused();

        /** The attempt ended without learning whether the credentials are good. */
        void undecided();
    }

    private static final Logon UNGUARDED = new Logon() {
        @Override
        public void accepted() {
        }

        @Override
        public void refused() {
        }

        @Override
        public void undecided() {
        }
    };

    private final int limit;
    private int refusals;          // guarded by this
    private Target firstRefused;   // guarded by this
    private boolean accepted;      // guarded by this
    private int probing;           // logons in flight before any acceptance, guarded by this
    private volatile String reason;

    CredentialBreaker(int limit) {
        this.limit = limit;
    }

    /** Why hosts are no longer tried, {@code credentials refused by N hosts (first: H)}; null while they are. */
    String trippedReason() {
        return reason;
    }

    /**
     * Waits until {@code target} may log on.
     *
     * @return the logon to report on, or null if the breaker tripped or {@code stopped} turned
     *         true while waiting (the caller re-checks why)
     */
    Logon admit(Target target, BooleanSupplier stopped) throws InterruptedException {
        if (limit == 0) {
            return UNGUARDED;
        }
        synchronized (this) {
            while (reason == null && !stopped.getAsBoolean()) {
                if (accepted) {
                    return new Guarded(target, false);
                }
                if (probing < limit - refusals) {
                    probing++;
                    return new Guarded(target, true);
                }
                wait(RECHECK.toMillis());
            }
            return null;
        }
    }

    /** The run stopped: hosts waiting for their turn look again. */
    synchronized void wakeUp() {
        notifyAll();
    }

    private synchronized void verdict(Target target, boolean probe, Boolean good) {
        if (probe) {
            probing--;
        }
        if (Boolean.TRUE.equals(good)) {
            accepted = true;
        } else if (Boolean.FALSE.equals(good)) {
            refusals++;
            if (firstRefused == null) {
                firstRefused = target;
            }
            if (refusals >= limit && reason == null) {
                reason = "credentials refused by " + refusals + (refusals == 1 ? " host" : " hosts") + " (first: "
                        + firstRefused.display() + ")";
            }
        }
        notifyAll();
    }

    private final class Guarded implements Logon {
        private final Target target;
        private final boolean probe;
        private boolean decided; // guarded by the breaker

        Guarded(Target target, boolean probe) {
            this.target = target;
            this.probe = probe;
        }

        @Override
        public void accepted() {
            decide(true);
        }

        @Override
        public void refused() {
            decide(false);
        }

        @Override
        public void undecided() {
            decide(null);
        }

        private void decide(Boolean good) {
            synchronized (CredentialBreaker.this) {
                if (decided) {
                    return;
                }
                decided = true;
                verdict(target, probe, good);
            }
        }
    }
}
