package io.winrminvoke.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationTest {
    private static SimulatedFleet fleet;

    @BeforeAll
    static void start() {
        fleet = SimulatedFleet.start(FleetConfig.builder().hosts(1).user("admin").password("s3cret").build());
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    @Test
    void missingCredentialsGet401WithEmptyBodyAndSeparateAuthenticateHeaders() {
        WsmanTestClient anonymous = new WsmanTestClient(fleet.host(0).endpoint(), null, null);

        WsmanTestClient.Response r = anonymous.create();

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.raw().body()).isEmpty();
        assertThat(r.raw().headers().allValues("WWW-Authenticate"))
                .containsExactlyInAnyOrder("Negotiate", "Basic realm=\"WSMAN\"");
        assertThat(fleet.counters().openShells()).isZero();
        assertThat(fleet.requestLog().entries()).last().satisfies(e -> {
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.operation()).isEqualTo("Create");
        });
    }

    @Test
    void wrongPasswordGets401() {
        assertThat(new WsmanTestClient(fleet.host(0).endpoint(), "admin", "wrong").create().status()).isEqualTo(401);
    }

    @Test
    void rightCredentialsAreAccepted() {
        WsmanTestClient c = new WsmanTestClient(fleet.host(0).endpoint(), "admin", "s3cret");
        String shell = c.openShell();
        assertThat(c.delete(shell).status()).isEqualTo(200);
    }
}
