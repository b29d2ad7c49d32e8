package io.winrminvoke.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReportDirectoryTest {

    @Test
    void withoutReportDirEachCallGetsItsOwnDirectory() {
        assertThat(ReportDirectory.resolve(null, "step-7")).isEqualTo("winrm-invoke-report/step-7");
        assertThat(ReportDirectory.resolve("  ", "step-12")).isEqualTo("winrm-invoke-report/step-12");
        assertThat(ReportDirectory.resolve(null, "step-7")).isNotEqualTo(ReportDirectory.resolve(null, "step-12"));
    }

    @Test
    void givenReportDirIsNormalisedAndKeptInsideTheWorkspace() {
        assertThat(ReportDirectory.resolve(" reports/./winrm/ ", "step-7")).isEqualTo("reports/winrm");
        assertThat(ReportDirectory.resolve("reports\\winrm", "step-7")).isEqualTo("reports/winrm");
        for (String outside : new String[] {"/tmp/r", "..", "../r", "a/../../r", ".", "C:\\r", "c:/r"}) {
            assertThatThrownBy(() -> ReportDirectory.resolve(outside, "step-7"))
                    .as(outside)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("reportDir must be a relative directory inside the workspace");
        }
    }

    @Test
    void aDollarSignIsRefusedAsTheJUnitPluginWouldExpandIt() {
        assertThatThrownBy(() -> ReportDirectory.resolve("reports/$BUILD_NUMBER", "step-7"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("reportDir must not contain '$' (got 'reports/$BUILD_NUMBER'): in Pipeline use a "
                        + "double-quoted string to put a variable's value in it");
        assertThat(ReportDirectory.resolve("reports/42", "step-7")).isEqualTo("reports/42");
    }

    @Test
    void callIdsThatCouldLeaveTheParentAreRefused() {
        assertThatThrownBy(() -> ReportDirectory.resolve(null, "../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportDirectory.resolve(null, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSecondCallIntoTheSameDirectoryIsRefusedNamingIt() {
        Set<String> claims = new LinkedHashSet<>();
        ReportDirectoryClaims.claim(claims, "reports");
        ReportDirectoryClaims.claim(claims, "winrm-invoke-report/step-7");

        assertThatThrownBy(() -> ReportDirectoryClaims.claim(claims, "reports"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("reportDir 'reports' is already used by another winrmInvoke call in this build;"
                        + " give each call its own reportDir (or leave it unset)");
        assertThat(claims).containsExactly("reports", "winrm-invoke-report/step-7");
    }

    @Test
    void parallelClaimsOfOneDirectoryLetExactlyOneThrough() throws Exception {
        Set<String> claims = new HashSet<>();
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger won = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    ReportDirectoryClaims.claim(claims, "shared");
                    won.incrementAndGet();
                } catch (InvalidInputException | InterruptedException expected) {
                    // the losers
                }
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(won.get()).isEqualTo(1);
    }
}
