package io.winrminvoke.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.engine.InvalidInputException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The build's claims without a Jenkins: a claim never changes a set a build save may be writing
 * out (XStream iterates the action's fields), and still refuses a directory taken before.
 */
class ReportDirectoryClaimsActionTest {

    @Test
    void aClaimLeavesTheSetASaveMayBeWritingUnchanged() {
        ReportDirectoryClaimsAction action = new ReportDirectoryClaimsAction();
        action.claimReportDirectory("winrm-invoke-reports/1");
        Set<String> beingSaved = action.claimedSoFar();

        action.claimReportDirectory("winrm-invoke-reports/2");

        assertThat(beingSaved).containsExactly("winrm-invoke-reports/1");
        assertThat(action.claimedSoFar()).containsExactlyInAnyOrder("winrm-invoke-reports/1", "winrm-invoke-reports/2");
    }

    @Test
    void aDirectoryTakenBeforeIsStillRefused() {
        ReportDirectoryClaimsAction action = new ReportDirectoryClaimsAction();
        action.claimReportDirectory("out");

        assertThatThrownBy(() -> action.claimReportDirectory("out")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'out' is already used");
        assertThat(action.claimedSoFar()).containsExactly("out");
    }

    @Test
    void twoCallsOfOneStageGetTwoRunNames() {
        ReportDirectoryClaimsAction action = new ReportDirectoryClaimsAction();

        assertThat(action.claimRunName(List.of("Deploy"), "call-1").value()).isEqualTo("Deploy");
        assertThat(action.claimRunName(List.of("Deploy"), "call-2").value()).isEqualTo("Deploy-2");
    }
}
