package io.winrminvoke.plugin;

import static io.winrminvoke.plugin.Fixtures.CREDENTIALS_ID;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Descriptor;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.slaves.EnvironmentVariablesNodeProperty;
import hudson.tasks.junit.SuiteResult;
import hudson.tasks.junit.TestResultAction;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.winrminvoke.engine.powershell.PowerShellCommand;
import io.winrminvoke.engine.run.CommandSpec;
import io.winrminvoke.invocation.SummaryRows;
import io.winrminvoke.simulator.RequestLogEntry;
import io.winrminvoke.simulator.SimulatedFleet;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The freestyle build step, its configuration form and the form methods' permission checks. */
@WithJenkins
class WinRmInvokeBuilderTest {

    private static WinRmInvokeStep fullyConfigured() {
        WinRmInvokeStep step = new WinRmInvokeStep(CREDENTIALS_ID);
        step.setHosts("web1\nweb2:5986\n[fd00::1]:5985");
        step.setPowershell("Get-Service $Name");
        step.setArguments("Name=W3SVC");
        step.setPasswordArgument("Password");
        step.setPwsh(true);
        step.setErrorActionStop(false);
        step.setHttps(true);
        step.setPort(5986);
        step.setCaCertificate("ca/winrm-ca.pem");
        step.setThrottle(8);
        step.setRetries(2);
        step.setRetryDelay("5s");
        step.setRetryBackoff(2.0);
        step.setMaxRetryDelay("1m");
        step.setRetryOnNonZeroExit(true);
        step.setConnectTimeout("10s");
        step.setOperationTimeout("60s");
        step.setCommandTimeout("30m");
        step.setTimeout("2h");
        step.setReportDir("reports/winrm");
        step.setOnFailure("unstable");
        step.setToleratedFailurePercent(10);
        step.setArchive(false);
        step.setJunit(false);
        return step;
    }

    /** A job "deploy" that user "reader" may only read and user "configurer" may configure. */
    private static FreeStyleProject jobWithReaderAndConfigurer(JenkinsRule r) throws Exception {
        FreeStyleProject job = r.createFreeStyleProject("deploy");
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE).everywhere().to("configurer"));
        return job;
    }

    @Test
    void configurationSurvivesTheFormRoundTrip(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        WinRmInvokeBuilder before = new WinRmInvokeBuilder(fullyConfigured());

        WinRmInvokeBuilder after = r.configRoundtrip(before);

        r.assertEqualDataBoundBeans(before.getInvocation(), after.getInvocation());
    }

    /**
     * Every option structs knows has a help page that loads, in English and in Japanese. Not
     * {@code JenkinsRule#assertHelpExists}: core 2.541.3's {@code Descriptor#getHelpFile} answers
     * {@code /descriptor/<id>/help/<field>} with a leading slash, which harness 2555's
     * {@code WebClient#goTo} refuses by assertion, so the helper cannot pass with this core.
     */
    @Test
    void everyOptionHasHelpInEnglishAndJapanese(JenkinsRule r) throws Exception {
        Set<String> options = WinRmInvokeStep.DescriptorImpl.optionNames();
        assertThat(options).contains("hosts", "credentialsId", "returnOutput", "outputLimit");
        // getHelpFile needs a Stapler request: run it inside one
        Map<String, String> urls = r.executeOnServer(() -> {
            Descriptor<?> d = r.jenkins.getDescriptorOrDie(WinRmInvokeStep.class);
            Map<String, String> found = new TreeMap<>();
            options.forEach(o -> found.put(o, d.getHelpFile(o)));
            return found;
        });
        assertThat(urls).as("help URL per option").doesNotContainValue(null).hasSize(options.size());
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            for (Map.Entry<String, String> e : urls.entrySet()) {
                String relative = e.getValue().substring(1);
                WebResponse en = wc.goTo(relative, null).getWebResponse();
                assertThat(en.getStatusCode()).as(e.getKey()).isEqualTo(200);
                assertThat(en.getContentAsString()).as(e.getKey()).contains("<div>");
            }
            wc.addRequestHeader("Accept-Language", "ja");
            for (Map.Entry<String, String> e : urls.entrySet()) {
                WebResponse ja = wc.goTo(e.getValue().substring(1), null).getWebResponse();
                assertThat(ja.getStatusCode()).as(e.getKey()).isEqualTo(200);
                assertThat(ja.getContentAsString()).as("Japanese help of %s", e.getKey()).containsPattern("\\p{IsHiragana}|\\p{IsKatakana}");
            }
        }
    }

    @Test
    void theStepItselfSurvivesItsConfigurationForm(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        WinRmInvokeStep before = fullyConfigured();
        before.setOutputLimit(512);
        before.setReturnOutput(false);

        WinRmInvokeStep after = new StepConfigTester(r).configRoundTrip(before);

        r.assertEqualDataBoundBeans(before, after);
    }

    @Test
    void theSnippetGeneratorWritesTheStepAndReadsItBack(JenkinsRule r) throws Exception {
        WinRmInvokeStep step = new WinRmInvokeStep(CREDENTIALS_ID);
        step.setHosts("web1");
        step.setCommand("hostname");
        step.setOutputLimit(100);

        new SnippetizerTester(r).assertRoundTrip(step,
                "winrmInvoke command: 'hostname', credentialsId: 'winrm-admin', hosts: 'web1', outputLimit: 100");
    }

    @Test
    void numberFieldsUseOnlyValidatorsCoreDefines(JenkinsRule r) throws Exception {
        // the INPUT.<class> behaviours of core 2.541.3's hudson-behavior.js
        Set<String> coreValidators = Set.of("number", "number-required", "non-negative-number-required",
                "positive-number", "positive-number-required");
        FreeStyleProject p = r.createFreeStyleProject();
        p.getBuildersList().add(new WinRmInvokeBuilder(fullyConfigured()));
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            HtmlPage page = wc.getPage(p, "configure");
            List<String> numberClasses = new ArrayList<>();
            for (DomNode input : page.querySelectorAll("input[name^='_.']")) {
                for (String c : ((DomElement) input).getAttribute("class").split("\\s+")) {
                    if (c.endsWith("number") || c.endsWith("number-required")) {
                        numberClasses.add(c);
                    }
                }
            }
            assertThat(numberClasses).isNotEmpty().allMatch(coreValidators::contains);
        }
    }

    @Test
    void freestyleBuildRunsThroughTheSameEngineAndPublishes(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        try (SimulatedFleet fleet = Fixtures.fleet(2, "{}")) {
            FreeStyleProject p = Fixtures.freestyleOnAgent(r, fleet, "echo freestyle");

            FreeStyleBuild b = r.buildAndAssertSuccess(p);

            r.assertLogContains("[" + Fixtures.hostPort(fleet.host(1)) + "] freestyle", b);
            assertThat(b.getArtifactManager().root().child("winrm-invoke-report/build-step-1/junit.xml").isFile()).isTrue();
            assertThat(b.getAction(WinRmInvokeAction.class).getHosts()).hasSize(2);
            // the suite is named after the job (RunNames)
            assertThat(b.getAction(TestResultAction.class).getResult().getSuites()).extracting(SuiteResult::getName)
                    .containsExactly("winrm-invoke." + p.getName());
        }
    }

    @Test
    void credentialsAreListedAndCheckedOnlyForUsersWhoMayConfigureTheJob(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        FreeStyleProject job = jobWithReaderAndConfigurer(r);
        WinRmInvokeStep.DescriptorImpl descriptor = r.jenkins.getDescriptorByType(WinRmInvokeStep.DescriptorImpl.class);

        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            ListBoxModel items = descriptor.doFillCredentialsIdItems(job, "", "", false, "", "");
            assertThat(items).extracting(o -> o.value).doesNotContain(CREDENTIALS_ID);
            assertThat(descriptor.doCheckCredentialsId(job, "no-such-id").kind).isEqualTo(FormValidation.Kind.OK);
        }
        try (ACLContext ignored = ACL.as2(User.getById("configurer", true).impersonate2())) {
            ListBoxModel items = descriptor.doFillCredentialsIdItems(job, "", "", false, "", "");
            assertThat(items).extracting(o -> o.value).contains(CREDENTIALS_ID);
            assertThat(descriptor.doCheckCredentialsId(job, "no-such-id").kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(descriptor.doCheckCredentialsId(job, CREDENTIALS_ID).kind).isEqualTo(FormValidation.Kind.OK);
        }
        // outside any job only administrators may list
        try (ACLContext ignored = ACL.as2(User.getById("configurer", true).impersonate2())) {
            assertThat(descriptor.doFillCredentialsIdItems(null, "", "", false, "", "")).extracting(o -> o.value)
                    .doesNotContain(CREDENTIALS_ID);
        }
    }

    @Test
    void credentialsCheckAnswersPostOnly(JenkinsRule r) throws Exception {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin"));
        URL check = new URL(r.getURL(),
                "descriptorByName/" + WinRmInvokeStep.class.getName() + "/checkCredentialsId?value=no-such-id");
        // a fragment of Messages.WinRmInvokeStep_CredentialsNotFound: present only when the check ran
        String checkRan = "are available here";

        try (JenkinsRule.WebClient wc = r.createWebClient().withThrowExceptionOnFailingStatusCode(false)) {
            wc.login("admin");

            // @POST: Stapler's verb interceptor skips the method for a GET and no other route matches (404),
            // so a cross-site GET cannot probe credential ids even as an administrator
            WebResponse get = wc.getPage(new WebRequest(check, HttpMethod.GET)).getWebResponse();
            assertThat(get.getStatusCode()).isEqualTo(404);
            assertThat(get.getContentAsString()).doesNotContain(checkRan);

            // the same URL POSTed with a crumb by a permitted user runs the check (the URL itself is right)
            WebResponse post = wc.getPage(wc.addCrumb(new WebRequest(check, HttpMethod.POST))).getWebResponse();
            assertThat(post.getStatusCode()).isEqualTo(200);
            assertThat(post.getContentAsString()).contains(checkRan).contains("no-such-id");
        }
    }

    @Test
    void durationFieldsAreCheckedByTheEnginesParser(JenkinsRule r) throws Exception {
        WinRmInvokeStep.DescriptorImpl descriptor = r.jenkins.getDescriptorByType(WinRmInvokeStep.DescriptorImpl.class);
        FreeStyleProject job = r.createFreeStyleProject();

        assertThat(descriptor.doCheckConnectTimeout(job, "10s").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(descriptor.doCheckCommandTimeout(job, "PT30M").kind).isEqualTo(FormValidation.Kind.OK);
        FormValidation bad = descriptor.doCheckTimeout(job, "soon");
        assertThat(bad.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(bad.getMessage()).contains("timeout").contains("soon");
        assertThat(descriptor.doCheckOutputLimit(job, "99999").getMessage()).contains("outputLimit");
        assertThat(descriptor.doCheckOutputLimit(job, "many").kind).isEqualTo(FormValidation.Kind.ERROR);
    }

    @Test
    void formChecksAnswerOnlyUsersWhoMayConfigureTheJob(JenkinsRule r) throws Exception {
        FreeStyleProject job = jobWithReaderAndConfigurer(r);
        WinRmInvokeStep.DescriptorImpl descriptor = r.jenkins.getDescriptorByType(WinRmInvokeStep.DescriptorImpl.class);

        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            assertThat(descriptor.doCheckTimeout(job, "soon").kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(descriptor.doCheckRetryDelay(job, "soon").kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(descriptor.doCheckOutputLimit(job, "-1").kind).isEqualTo(FormValidation.Kind.OK);
            // outside a job: administrators only
            assertThat(descriptor.doCheckTimeout(null, "soon").kind).isEqualTo(FormValidation.Kind.OK);
        }
        try (ACLContext ignored = ACL.as2(User.getById("configurer", true).impersonate2())) {
            assertThat(descriptor.doCheckTimeout(job, "soon").kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(descriptor.doCheckRetryDelay(job, "soon").kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(descriptor.doCheckOutputLimit(job, "-1").kind).isEqualTo(FormValidation.Kind.ERROR);
        }
    }

    @Test
    void freestyleExpandsBuildVariablesInTextFieldsButNeverInThePowerShellBody(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        try (SimulatedFleet fleet = Fixtures.fleet(2, "{\"hosts\": {\"0-1\": {\"steps\": [{\"stdout\": \"ok\\n\"}]}}}")) {
            r.jenkins.getGlobalNodeProperties().add(new EnvironmentVariablesNodeProperty(
                    new EnvironmentVariablesNodeProperty.Entry("HOSTS", Fixtures.hostLines(fleet)),
                    new EnvironmentVariablesNodeProperty.Entry("VERSION", "1.2.3"),
                    new EnvironmentVariablesNodeProperty.Entry("Name", "EXPANDED-BY-JENKINS")));
            String script = "param($Version) Write-Output \"$Name ${VERSION} $Version\"";
            WinRmInvokeStep step = new WinRmInvokeStep(CREDENTIALS_ID);
            step.setHosts("$HOSTS");
            step.setPowershell(script);
            step.setArguments("Version=${VERSION}");
            step.setReportDir("reports/${VERSION}");
            FreeStyleProject p = r.createFreeStyleProject();
            p.getBuildersList().add(new WinRmInvokeBuilder(step));

            FreeStyleBuild b = r.buildAndAssertSuccess(p);

            assertThat(b.getAction(WinRmInvokeAction.class).getHosts()).hasSize(2);
            assertThat(b.getArtifactManager().root().child("reports/1.2.3/results.json").isFile()).isTrue();
            // the script reached the hosts as written; the argument carries the expanded value
            Map<String, String> arguments = new LinkedHashMap<>();
            arguments.put("Version", "1.2.3");
            CommandSpec expected = PowerShellCommand.builder().script(script).arguments(arguments).build().toCommandSpec();
            for (var host : fleet.hosts()) {
                RequestLogEntry command = Fixtures.commandEntry(fleet, host);
                assertThat(command.commandLine()).contains(expected.command());
                expected.arguments().forEach(a -> assertThat(command.commandLine()).contains(a));
            }
            // and the configured step is unchanged
            assertThat(p.getBuildersList().get(WinRmInvokeBuilder.class).getInvocation().getHosts()).isEqualTo("$HOSTS");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void abortingAFreestyleBuildTerminatesTheRemoteCommands(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        try (SimulatedFleet fleet = Fixtures.fleet(2, "{\"hosts\": {\"0-1\": {\"steps\": [{\"hang\": true}]}}}")) {
            FreeStyleBuild b = Fixtures.freestyleOnAgent(r, fleet, "deploy.cmd").scheduleBuild2(0).waitForStart();

            Fixtures.awaitOpenCommands(fleet, 2, b);
            Fixtures.abortAndAssertEveryCommandTerminated(r, fleet, b);
        }
    }

    @Test
    void theSummaryIsBoundedWithFailuresFirstHumanisedDurationsAndJapaneseTexts(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        int hosts = SummaryRows.MAX_ROWS + 5;
        try (SimulatedFleet fleet = Fixtures.fleet(hosts, "{\"hosts\": {\"" + (hosts - 1) + "\": {\"exitCode\": 2, \"steps\": [{\"stdout\": \"no\\n\"}]}}}")) {
            WinRmInvokeStep step = new WinRmInvokeStep(CREDENTIALS_ID);
            step.setHosts(Fixtures.hostLines(fleet));
            step.setCommand("echo hi");
            step.setOnFailure("unstable");
            FreeStyleProject p = r.createFreeStyleProject();
            p.getBuildersList().add(new WinRmInvokeBuilder(step));
            FreeStyleBuild b = r.assertBuildStatus(Result.UNSTABLE, p.scheduleBuild2(0));

            try (JenkinsRule.WebClient wc = r.createWebClient()) {
                HtmlPage page = wc.getPage(b);
                List<DomNode> rows = page.querySelectorAll("table.winrm-invoke-hosts tbody tr");
                assertThat(rows).hasSize(SummaryRows.MAX_ROWS);
                // the failed host (the last one) comes first
                assertThat(rows.get(0).asNormalizedText()).contains(Fixtures.hostPort(fleet.host(hosts - 1)), "FAILED");
                assertThat(rows.get(1).asNormalizedText()).containsPattern("\\d+(\\.\\d)? (ms|s)");
                assertThat(page.asNormalizedText()).contains("5 more host(s) not listed").contains("SUCCEEDED: 54");
                // our summary's own row: core puts other summaries on every build page ("Started by", with its icon)
                List<DomNode> ours = new ArrayList<>();
                for (DomNode row : page.querySelectorAll("tr.app-summary")) {
                    DomNode table = row.querySelector("table.winrm-invoke-hosts");
                    if (table != null) {
                        ours.add(row);
                    }
                }
                assertThat(ours).as("the build page's WinRM Invoke summary").hasSize(1);
                DomNode icon = ours.get(0).querySelector("svg");
                DomNode legacyIcon = ours.get(0).querySelector("img");
                assertThat(icon).as("the summary's symbol icon").isNotNull();
                assertThat(legacyIcon).as("no legacy image icon").isNull();

                wc.addRequestHeader("Accept-Language", "ja");
                assertThat(wc.getPage(b).asNormalizedText()).contains("終了コード", "ほかに 5 台のホストは表示していません");
            }
        }
    }
}
