package io.winrminvoke.simulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a simulated fleet for a test class:
 * {@code @RegisterExtension static SimulatorExtension sim = SimulatorExtension.with(FleetConfig.builder()...);}
 * then {@code sim.fleet()} in tests. On a static field the fleet starts once per class; on an
 * instance field, once per test.
 */
public final class SimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    private final FleetConfig config;
    private SimulatedFleet fleet;
    private boolean perTest;

    private SimulatorExtension(FleetConfig config) {
        this.config = config;
    }

    /** The builder is built (and validated) now, so a bad configuration fails at registration. */
    public static SimulatorExtension with(FleetConfig.Builder builder) {
        return new SimulatorExtension(builder.build());
    }

    public static SimulatorExtension with(FleetConfig config) {
        return new SimulatorExtension(config);
    }

    /** The running fleet; only inside tests (or @BeforeEach/@AfterEach). */
    public SimulatedFleet fleet() {
        if (fleet == null) {
            throw new IllegalStateException("the simulated fleet is not running: use sim.fleet() inside a test");
        }
        return fleet;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        fleet = SimulatedFleet.start(config);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (fleet != null) {
            fleet.close();
            fleet = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (fleet == null) {
            // registered on an instance field: beforeAll was never called
            perTest = true;
            fleet = SimulatedFleet.start(config);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest && fleet != null) {
            fleet.close();
            fleet = null;
        }
    }
}
