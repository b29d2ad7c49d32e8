package io.winrminvoke.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** On an instance field the extension gives every test a fresh fleet. */
class SimulatorExtensionPerTestTest {
    private static SimulatedFleet previous;

    @RegisterExtension
    SimulatorExtension sim = SimulatorExtension.with(FleetConfig.builder().hosts(1).password("s3cret"));

    @Test
    void first() {
        check();
    }

    @Test
    void second() {
        check();
    }

    private void check() {
        SimulatedFleet fleet = sim.fleet();
        assertThat(fleet.requestLog().entries()).isEmpty();
        new WsmanTestClient(fleet.host(0).endpoint(), "admin", "s3cret").create();
        if (previous != null) {
            assertThat(fleet).isNotSameAs(previous);
            assertThat(previous.host(0).listening()).isFalse();
        }
        previous = fleet;
    }
}
