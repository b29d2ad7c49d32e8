package io.winrminvoke.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.engine.InvalidInputException;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.engine.targets.TargetParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessSettingsTest {

    private static AccessSettings withAuthFailureLimit(Integer limit) {
        return new AccessSettings(null, null, false, false, null, false, null, null, false, limit);
    }

    private static RunOptions options(AccessSettings access) {
        RunOptions.Builder builder = RunOptions.builder();
        access.applyTo(builder, null, null);
        return builder.build();
    }

    @Test
    void anUnsetAuthFailureLimitKeepsTheEnginesDefaultOfOneHost() {
        assertThat(options(withAuthFailureLimit(null)).authFailureLimit())
                .isEqualTo(RunOptions.DEFAULT_AUTH_FAILURE_LIMIT).isEqualTo(1);
    }

    @Test
    void authFailureLimitReachesTheRunAndZeroTurnsTheProtectionOff() {
        assertThat(options(withAuthFailureLimit(5)).authFailureLimit()).isEqualTo(5);
        assertThat(options(withAuthFailureLimit(0)).authFailureLimit()).isZero();
    }

    @Test
    void aNegativeAuthFailureLimitIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> options(withAuthFailureLimit(-1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("authFailureLimit: invalid value '-1': allowed 0 (no limit) or 1..1000000");
    }

    private static AccessSettings withSsh(String transport, String knownHosts, boolean acceptUnknownHostKey) {
        return new AccessSettings(null, null, false, false, null, false, transport, knownHosts, acceptUnknownHostKey,
                null);
    }

    private static void check(AccessSettings access, String... hosts) {
        List<Target> targets = TargetParser.parseLines(List.of(hosts), "hosts").targets();
        access.checkAppliesTo(targets, options(access));
    }

    @Test
    void sshHostKeyOptionsOnAWinRmFleetAreRefusedNamingThem() {
        assertThatThrownBy(() -> check(withSsh(null, "ci/known_hosts", true), "web1", "web2"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("knownHosts, acceptUnknownHostKey applies only to SSH hosts: add transport: 'ssh' or "
                        + "ssh://host entries");
        assertThatThrownBy(() -> check(withSsh("winrm", null, true), "web1"))
                .hasMessageStartingWith("acceptUnknownHostKey applies only to SSH hosts");
    }

    @Test
    void sshHostKeyOptionsAreTakenWhereAnyHostIsReachedOverSsh() {
        check(withSsh(null, "ci/known_hosts", true), "web1", "ssh://db1");
        check(withSsh("ssh", "ci/known_hosts", false), "db1");
        check(withSsh(null, null, false), "web1");
    }
}
