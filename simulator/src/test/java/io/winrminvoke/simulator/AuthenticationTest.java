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
    void aWindowsDefaultHostOffersOnlyNegotiateOverHttpAndRefusesBasic() {
        try (SimulatedFleet windows = SimulatedFleet.start(FleetConfig.builder().user("admin").password("s3cret")
                .windowsDefaults().build())) {
            WsmanTestClient.Response r = new WsmanTestClient(windows.host(0).endpoint(), "admin", "s3cret").create();

            assertThat(r.status()).isEqualTo(401);
            assertThat(r.raw().headers().allValues("WWW-Authenticate")).containsExactly("Negotiate");
            assertThat(windows.requestLog().entries()).last().extracting(RequestLogEntry::authFailure)
                    .isEqualTo("Basic: not allowed on this listener");
        }
    }

    @Test
    void basicIsOfferedOverHttpsEvenWithAllowUnencryptedOff() {
        try (SimulatedFleet https = SimulatedFleet.start(FleetConfig.builder().user("admin").password("s3cret")
                .windowsDefaults().basic(true).https(true).build())) {
            WsmanTestClient anonymous = new WsmanTestClient(https.host(0).endpoint(), null, null, https.tls().clientContext());
            WsmanTestClient basic = new WsmanTestClient(https.host(0).endpoint(), "admin", "s3cret", https.tls().clientContext());

            assertThat(anonymous.create().raw().headers().allValues("WWW-Authenticate"))
                    .containsExactly("Negotiate", "Basic realm=\"WSMAN\"");
            assertThat(basic.delete(basic.openShell()).status()).isEqualTo(200);
        }
    }

    @Test
    void aHostWithoutNegotiateOffersOnlyBasic() {
        try (SimulatedFleet basicOnly = SimulatedFleet.start(FleetConfig.builder().user("admin").password("s3cret")
                .ntlm(false).build())) {
            WsmanTestClient.Response r = new WsmanTestClient(basicOnly.host(0).endpoint(), null, null).create();

            assertThat(r.raw().headers().allValues("WWW-Authenticate")).containsExactly("Basic realm=\"WSMAN\"");
        }
    }

    @Test
    void rightCredentialsAreAccepted() {
        WsmanTestClient c = new WsmanTestClient(fleet.host(0).endpoint(), "admin", "s3cret");
        String shell = c.openShell();
        assertThat(c.delete(shell).status()).isEqualTo(200);
    }
}
