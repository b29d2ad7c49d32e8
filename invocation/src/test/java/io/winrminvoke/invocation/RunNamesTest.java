package io.winrminvoke.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.engine.report.ReportName;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunNamesTest {

    private final Set<String> taken = new HashSet<>();

    private String claim(String fallback, String... parts) {
        return RunNames.claim(taken, List.of(parts), fallback).value();
    }

    @Test
    void aStageAndItsParallelBranchNameTheRun() {
        assertThat(claim("step-7", "Deploy", "eu-west")).isEqualTo("Deploy-eu-west");
        assertThat(taken).containsExactly("Deploy-eu-west");
    }

    @Test
    void charactersAReportNameDoesNotAllowBecomeOneDash() {
        assertThat(claim("step-7", "Deploy to prod", "eu/west #1")).isEqualTo("Deploy-to-prod-eu-west-1");
        assertThat(claim("step-8", "  (canary)  ")).isEqualTo("canary");
        assertThat(claim("step-9", "v1.2.3", "web_01")).isEqualTo("v1.2.3-web_01");
    }

    @Test
    void aNameWithNothingAllowedOrNoStageAtAllFallsBackToTheCallId() {
        assertThat(claim("step-7", "デプロイ")).isEqualTo("step-7");
        assertThat(claim("step-8")).isEqualTo("step-8");
        assertThat(claim("step-9", "", " ", "---")).isEqualTo("step-9");
    }

    @Test
    void aLongNameIsCutToTheLongestAReportNameMayBe() {
        String name = claim("step-7", "a".repeat(50), "b".repeat(50));

        assertThat(name).hasSize(ReportName.MAX_LENGTH).startsWith("a".repeat(50) + "-b");
        assertThat(claim("step-8", "x".repeat(63) + " tail")).isEqualTo("x".repeat(63));
    }

    @Test
    void callsOfOneBuildInTheSamePlaceGetDistinctNames() {
        assertThat(claim("step-7", "Deploy", "eu")).isEqualTo("Deploy-eu");
        assertThat(claim("step-8", "Deploy", "eu")).isEqualTo("Deploy-eu-2");
        assertThat(claim("step-9", "Deploy", "eu")).isEqualTo("Deploy-eu-3");
        assertThat(claim("step-10", "Deploy", "us")).isEqualTo("Deploy-us");
    }

    @Test
    void aDuplicateOfAMaximalNameStaysWithinTheLimit() {
        String first = claim("step-7", "z".repeat(80));
        String second = claim("step-8", "z".repeat(80));

        assertThat(first).isEqualTo("z".repeat(ReportName.MAX_LENGTH));
        assertThat(second).hasSize(ReportName.MAX_LENGTH).endsWith("z-2").isNotEqualTo(first);
    }
}
