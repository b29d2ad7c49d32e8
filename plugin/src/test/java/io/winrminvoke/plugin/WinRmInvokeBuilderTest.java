package io.winrminvoke.plugin;

import static io.winrminvoke.plugin.Fixtures.CREDENTIALS_ID;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.winrminvoke.simulator.SimulatedFleet;
import java.net.URL;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.Test;
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

    @Test
    void configurationSurvivesTheFormRoundTrip(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        WinRmInvokeBuilder before = new WinRmInvokeBuilder(fullyConfigured());

        WinRmInvokeBuilder after = r.configRoundtrip(before);

        r.assertEqualDataBoundBeans(before.getInvocation(), after.getInvocation());
    }

    @Test
    void everyOptionHasHelp(JenkinsRule r) throws Exception {
        r.assertHelpExists(WinRmInvokeStep.class, "hosts,hostsFile,credentialsId,command,powershell,arguments,passwordArgument,pwsh,errorActionStop,"
                + "https,port,caCertificate,skipCertificateCheck,throttle,retries,retryDelay,retryBackoff,"
                + "maxRetryDelay,retryOnNonZeroExit,connectTimeout,operationTimeout,commandTimeout,timeout,"
                + "reportDir,onFailure,toleratedFailures,toleratedFailurePercent,archive,junit");
    }

    @Test
    void freestyleBuildRunsThroughTheSameEngineAndPublishes(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        try (SimulatedFleet fleet = Fixtures.fleet(2, "{}")) {
            WinRmInvokeStep step = new WinRmInvokeStep(CREDENTIALS_ID);
            step.setHosts(Fixtures.hostLines(fleet));
            step.setCommand("echo freestyle");
            FreeStyleProject p = r.createFreeStyleProject();
            p.setAssignedNode(r.createOnlineSlave());
            p.getBuildersList().add(new WinRmInvokeBuilder(step));

            FreeStyleBuild b = r.buildAndAssertSuccess(p);

            r.assertLogContains("[" + Fixtures.hostPort(fleet.host(1)) + "] freestyle", b);
            assertThat(b.getArtifactManager().root().child("winrm-invoke-report/junit.xml").isFile()).isTrue();
            assertThat(b.getAction(WinRmInvokeAction.class).getHosts()).hasSize(2);
        }
    }

    @Test
    void credentialsAreListedAndCheckedOnlyForUsersWhoMayConfigureTheJob(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        FreeStyleProject job = r.createFreeStyleProject("deploy");
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE).everywhere().to("configurer"));
        WinRmInvokeStep.DescriptorImpl descriptor = r.jenkins.getDescriptorByType(WinRmInvokeStep.DescriptorImpl.class);

        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            ListBoxModel items = descriptor.doFillCredentialsIdItems(job, "");
            assertThat(items).extracting(o -> o.value).doesNotContain(CREDENTIALS_ID);
            assertThat(descriptor.doCheckCredentialsId(job, "no-such-id").kind).isEqualTo(FormValidation.Kind.OK);
        }
        try (ACLContext ignored = ACL.as2(User.getById("configurer", true).impersonate2())) {
            ListBoxModel items = descriptor.doFillCredentialsIdItems(job, "");
            assertThat(items).extracting(o -> o.value).contains(CREDENTIALS_ID);
            assertThat(descriptor.doCheckCredentialsId(job, "no-such-id").kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(descriptor.doCheckCredentialsId(job, CREDENTIALS_ID).kind).isEqualTo(FormValidation.Kind.OK);
        }
        // outside any job only administrators may list
        try (ACLContext ignored = ACL.as2(User.getById("configurer", true).impersonate2())) {
            assertThat(descriptor.doFillCredentialsIdItems(null, "")).extracting(o -> o.value)
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
    void durationFieldsAreCheckedByTheEnginesParser(JenkinsRule r) {
        WinRmInvokeStep.DescriptorImpl descriptor = r.jenkins.getDescriptorByType(WinRmInvokeStep.DescriptorImpl.class);

        assertThat(descriptor.doCheckConnectTimeout("10s").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(descriptor.doCheckCommandTimeout("PT30M").kind).isEqualTo(FormValidation.Kind.OK);
        FormValidation bad = descriptor.doCheckTimeout("soon");
        assertThat(bad.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(bad.getMessage()).contains("timeout").contains("soon");
    }
}
