package io.winrminvoke.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorExtensionTest {
    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.with(FleetConfig.builder().hosts(3).user("admin")
            .password("s3cret").clockScale(0.01));

    private static SimulatedFleet first;

    @Test
    void startsTheFleetOncePerClass() {
        assertThat(sim.fleet().hosts()).hasSize(3);
        assertThat(sim.fleet().hosts()).extracting(SimulatedHost::name).containsExactly("host-000", "host-001", "host-002");
        assertThat(sim.fleet().hosts()).extracting(SimulatedHost::port).doesNotHaveDuplicates();
        if (first != null) {
            assertThat(sim.fleet()).isSameAs(first);
        }
        first = sim.fleet();
    }

    @Test
    void fleetServesRequests() {
        WsmanTestClient c = new WsmanTestClient(sim.fleet().host(2).endpoint(), "admin", "s3cret");
        assertThat(c.run("echo ok").stdoutText()).isEqualTo("ok\n");
        if (first != null) {
            assertThat(sim.fleet()).isSameAs(first);
        }
        first = sim.fleet();
    }
}
