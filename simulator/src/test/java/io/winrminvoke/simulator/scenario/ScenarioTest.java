package io.winrminvoke.simulator.scenario;

import io.winrminvoke.simulator.auth.AuthSettings;
import io.winrminvoke.simulator.wsman.WsmanFault;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioTest {
    private static final String BRIEF_EXAMPLE = """
            {
              "defaults": { "latency": "PT0.05S" },
              "hosts": {
                "0":   { "exitCode": 3, "steps": [ {"stdout": "hello\\n"}, {"sleep": "PT2S"}, {"stderr": "oops\\n"} ] },
                "1":   { "refuse": true },
                "2":   { "hangConnection": true },
                "3":   { "steps": [ {"hang": true} ] },
                "4":   { "dropOnRequest": 3 },
                "5":   { "faultOnRequest": { "n": 2, "fault": "QuotaLimit" } },
                "6":   { "auth": "negotiate-only" },
                "7":   { "password": "different" },
                "8":   { "steps": [ {"stdoutRepeat": "x", "bytes": 1048576} ] },
                "9":   { "steps": [ {"stdoutBase64": "gYKBpA=="} ] },
                "10-19": { "exitCode": 0, "steps": [ {"sleep": "PT2S"} ] },
                "host-020": { "requireHttps": true, "maxShellsPerUser": 2, "maxConcurrentOperationsPerUser": 5,
                              "maxEnvelopeSizeKb": 150, "maxTimeoutMs": 1000, "latency": "250ms" }
              }
            }
            """;

    @Test
    void briefExampleReadsIntoPerHostBehaviour() {
        Scenario s = Scenario.fromJson(BRIEF_EXAMPLE);

        HostBehaviour h0 = s.behaviourFor(0, "host-000");
        assertThat(h0.exitCode()).isEqualTo(3);
        assertThat(h0.latency()).isEqualTo(Duration.ofMillis(50));
        assertThat(h0.steps()).hasSize(3);
        assertThat(h0.steps().get(0)).isInstanceOfSatisfying(Step.Output.class,
                o -> assertThat(new String(o.bytes(), StandardCharsets.UTF_8)).isEqualTo("hello\n"));
        assertThat(h0.steps().get(1)).isEqualTo(new Step.Sleep(Duration.ofSeconds(2)));
        assertThat(s.behaviourFor(1, "host-001").refuse()).isTrue();
        assertThat(s.behaviourFor(2, "host-002").hangConnection()).isTrue();
        assertThat(s.behaviourFor(3, "host-003").steps()).containsExactly(new Step.Hang());
        assertThat(s.behaviourFor(4, "host-004").dropOnRequest()).isEqualTo(3);
        assertThat(s.behaviourFor(5, "host-005").faultOnRequest()).isEqualTo(new FaultOnRequest(2, WsmanFault.QuotaLimit));
        assertThat(s.behaviourFor(6, "host-006").basic()).isFalse();
        assertThat(s.behaviourFor(7, "host-007").password()).isEqualTo("different");
        assertThat(s.behaviourFor(8, "host-008").steps().get(0)).isInstanceOfSatisfying(Step.RepeatedOutput.class,
                r -> assertThat(r.bytes()).isEqualTo(1048576));
        assertThat(s.behaviourFor(9, "host-009").steps().get(0)).isInstanceOfSatisfying(Step.Output.class,
                o -> assertThat(o.bytes()).containsExactly(0x81, 0x82, 0x81, 0xA4));
        assertThat(s.behaviourFor(15, "host-015").steps()).containsExactly(new Step.Sleep(Duration.ofSeconds(2)));
        HostBehaviour h20 = s.behaviourFor(20, "host-020");
        assertThat(h20.allowUnencrypted()).isFalse();
        assertThat(h20.maxShellsPerUser()).isEqualTo(2);
        assertThat(h20.maxConcurrentOperationsPerUser()).isEqualTo(5);
        assertThat(h20.maxEnvelopeSizeKb()).isEqualTo(150);
        assertThat(h20.maxTimeoutMs()).isEqualTo(1000);
        assertThat(h20.latency()).isEqualTo(Duration.ofMillis(250));
        HostBehaviour plain = s.behaviourFor(21, "host-021");
        assertThat(plain.scripted()).isFalse();
        assertThat(plain.basic()).isNull();
        assertThat(plain.authSettings(AuthSettings.simulatorDefaults())).isEqualTo(AuthSettings.simulatorDefaults());
        assertThat(plain.maxShellsPerUser()).isEqualTo(30);
        assertThat(plain.maxConcurrentOperationsPerUser()).isEqualTo(1500);
        assertThat(plain.maxEnvelopeSizeKb()).isEqualTo(500);
        assertThat(plain.maxTimeoutMs()).isEqualTo(60000);
    }

    @Test
    void laterEntriesOverrideEarlierOnesFieldByField() {
        Scenario s = Scenario.fromJson("""
                {"hosts": {"0-9": {"exitCode": 1, "latency": "1s"}, "3": {"exitCode": 7}}}""");
        assertThat(s.behaviourFor(3, "host-003").exitCode()).isEqualTo(7);
        assertThat(s.behaviourFor(3, "host-003").latency()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.behaviourFor(4, "host-004").exitCode()).isEqualTo(1);
    }

    @Test
    void fleetLatencyAppliesWhereTheScenarioSetsNone() {
        Scenario s = Scenario.fromJson("{\"hosts\": {\"0\": {\"latency\": \"PT0S\"}}}");
        assertThat(s.behaviourFor(0, "host-000", Duration.ofMillis(30)).latency()).isZero();
        assertThat(s.behaviourFor(1, "host-001", Duration.ofMillis(30)).latency()).isEqualTo(Duration.ofMillis(30));
    }

    @Test
    void errorsNameTheKeyAndTheBadValue() {
        assertError("{\"hosts\": {\"0\": {\"exitcode\": 3}}}", "hosts.0.exitcode: unknown key");
        assertError("{\"host\": {}}", "scenario: unknown key 'host'");
        assertError("{\"hosts\": {\"0\": {\"refuse\": \"yes\"}}}", "hosts.0.refuse: '\"yes\"' is not a boolean");
        assertError("{\"hosts\": {\"0\": {\"latency\": \"soon\"}}}", "hosts.0.latency: 'soon' is not a duration");
        assertError("{\"hosts\": {\"0\": {\"auth\": \"ntlm\"}}}", "hosts.0.auth: 'ntlm' is not an auth mode; allowed: basic, negotiate-only");
        assertError("{\"hosts\": {\"0\": {\"faultOnRequest\": {\"n\": 1, \"fault\": \"Boom\"}}}}",
                "hosts.0.faultOnRequest.fault: 'Boom' is not a fault; allowed: TimedOut, InvalidSelectors, QuotaLimit");
        assertError("{\"hosts\": {\"0\": {\"faultOnRequest\": {\"n\": 0, \"fault\": \"TimedOut\"}}}}",
                "hosts.0.faultOnRequest.n: 0 is out of range; allowed: 1..");
        assertError("{\"hosts\": {\"0\": {\"dropOnRequest\": -1}}}", "hosts.0.dropOnRequest: -1 is out of range");
        assertError("{\"hosts\": {\"0\": {\"steps\": [{\"stdout\": \"a\", \"stderr\": \"b\"}]}}}",
                "hosts.0.steps[0]: a step has exactly one of");
        assertError("{\"hosts\": {\"0\": {\"steps\": [{\"beep\": 1}]}}}", "hosts.0.steps[0].beep: unknown step");
        assertError("{\"hosts\": {\"0\": {\"steps\": [{\"stdoutRepeat\": \"x\", \"bytes\": 999999999999}]}}}",
                "hosts.0.steps[0].bytes: 999999999999 is out of range; allowed: 0..268435456");
        assertError("{\"hosts\": {\"0\": {\"steps\": [{\"stdoutBase64\": \"@@@\"}]}}}", "hosts.0.steps[0].stdoutBase64: not valid base64");
        assertError("{\"hosts\": {\"5-2\": {}}}", "hosts.5-2: range start is greater than its end");
        assertError("{\"hosts\": {\"0\": {\"maxEnvelopeSizeKb\": 1}}}", "hosts.0.maxEnvelopeSizeKb: 1 is out of range; allowed: 32..");
        assertError("{\"defaults\": {\"hang\": true}}", "defaults.hang: unknown key");
        assertError("{\"hosts\": {\"0\": {}, \"0\": {}}}", "scenario is not valid JSON: Duplicate field '0'");
        assertError("{\"hosts\": ", "scenario is not valid JSON");
        assertError("[]", "scenario: the top level must be a JSON object");
    }

    @Test
    void hostKeysMustNameHostsOfTheFleet() {
        Scenario s = Scenario.fromJson("{\"hosts\": {\"3-7\": {\"refuse\": true}, \"host-001\": {}}}");
        assertThatThrownBy(() -> s.validateFor(5, List.of("host-000", "host-001", "host-002", "host-003", "host-004")))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("hosts.3-7: range goes past the last host (index 4)");
        Scenario byName = Scenario.fromJson("{\"hosts\": {\"web-1\": {}}}");
        assertThatThrownBy(() -> byName.validateFor(1, List.of("host-000")))
                .hasMessageStartingWith("hosts.web-1: no host has this name");
    }

    @Test
    void durationsAcceptIsoAndShortForms() {
        assertThat(DurationText.parse("PT0.05S", "x")).isEqualTo(Duration.ofMillis(50));
        assertThat(DurationText.parse("500ms", "x")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse("2m", "x")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> DurationText.parse("-PT1S", "--latency")).hasMessageContaining("--latency: '-PT1S' is negative");
    }

    private static void assertError(String json, String messageStart) {
        assertThatThrownBy(() -> Scenario.fromJson(json))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith(messageStart)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
