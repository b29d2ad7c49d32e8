package io.winrminvoke.plugin;

import static io.winrminvoke.plugin.Fixtures.PASSWORD;
import static io.winrminvoke.plugin.Fixtures.USER;
import static io.winrminvoke.plugin.Fixtures.runPipeline;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.domains.HostnameSpecification;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.util.ListBoxModel;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.SimulatedFleet;
import io.winrminvoke.simulator.scenario.Scenario;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Credentials are looked up for each host (credential domains) and a secret username is masked. */
@WithJenkins
class CredentialDomainsTest {

    private static final String RESTRICTED_ID = "corp-only";

    /** Keeps {@code credentials} in a domain of its own that admits only the hostnames {@code includes}. */
    private static void addInDomain(String domainName, String includes, Credentials credentials) throws Exception {
        Domain domain = new Domain(domainName, "hosts " + includes + " only",
                List.of(new HostnameSpecification(includes, null)));
        SystemCredentialsProvider system = SystemCredentialsProvider.getInstance();
        Map<Domain, List<Credentials>> domains = new HashMap<>(system.getDomainCredentialsMap());
        domains.put(domain, new ArrayList<>(List.of(credentials)));
        system.setDomainCredentialsMap(domains);
        system.save();
    }

    private static void addRestricted(String includes) throws Exception {
        addInDomain("corp", includes, new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, RESTRICTED_ID,
                "restricted", USER, PASSWORD));
    }

    private static String call(SimulatedFleet fleet, String credentialsId) {
        return "node { winrmInvoke(hosts: " + Fixtures.groovyHostList(fleet) + ", credentialsId: '" + credentialsId
                + "', command: 'echo hi') }";
    }

    @Test
    void aCredentialRestrictedToOtherHostsIsNotUsedAndNoHostIsContacted(JenkinsRule r) throws Exception {
        addRestricted("*.corp.example");
        try (SimulatedFleet fleet = Fixtures.fleet(2, "{}")) {
            WorkflowRun b = runPipeline(r, call(fleet, RESTRICTED_ID));

            r.assertBuildStatus(Result.FAILURE, b);
            r.assertLogContains("credentials '" + RESTRICTED_ID + "' may not be used for http://"
                    + Fixtures.hostPort(fleet.host(0)) + ": the host is outside the credential's domain", b);
            assertThat(fleet.requestLog().entries()).isEmpty();
        }
    }

    @Test
    void aCredentialWhoseDomainAdmitsTheHostsIsUsed(JenkinsRule r) throws Exception {
        addRestricted("127.0.0.1");
        try (SimulatedFleet fleet = Fixtures.fleet(2, "{}")) {
            r.assertBuildStatus(Result.SUCCESS, runPipeline(r, call(fleet, RESTRICTED_ID)));
        }
    }

    @Test
    void theFormOffersOnlyCredentialsWhoseDomainAdmitsTheTypedHosts(JenkinsRule r) throws Exception {
        addRestricted("*.corp.example");
        Fixtures.addUsernamePasswordCredentials();
        FreeStyleProject job = r.createFreeStyleProject();
        WinRmInvokeStep.DescriptorImpl d = r.jenkins.getDescriptorByType(WinRmInvokeStep.DescriptorImpl.class);

        ListBoxModel corp = d.doFillCredentialsIdItems(job, "", "web1.corp.example\nweb2.corp.example", false, "", "");
        ListBoxModel mixed = d.doFillCredentialsIdItems(job, "", "web1.corp.example\nweb9.other.example", false, "", "");
        ListBoxModel none = d.doFillCredentialsIdItems(job, "", "", false, "", "");

        assertThat(corp).extracting(o -> o.value).contains(RESTRICTED_ID, Fixtures.CREDENTIALS_ID);
        assertThat(mixed).extracting(o -> o.value).doesNotContain(RESTRICTED_ID).contains(Fixtures.CREDENTIALS_ID);
        assertThat(none).extracting(o -> o.value).contains(RESTRICTED_ID, Fixtures.CREDENTIALS_ID);
    }

    private static final String RESTRICTED_KEYTAB_ID = "corp-keytab";

    private static void addRestrictedKeytab(String includes) throws Exception {
        addInDomain("corp-keytabs", includes, new FileCredentialsImpl(CredentialsScope.GLOBAL, RESTRICTED_KEYTAB_ID,
                "restricted keytab", "svc.keytab",
                SecretBytes.fromBytes("not a keytab: never read".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void aKeytabRestrictedToOtherHostsIsNotUsedAndNoHostIsContacted(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        addRestrictedKeytab("*.corp.example");
        try (SimulatedFleet fleet = Fixtures.fleet(1, "{}")) {
            WorkflowRun b = runPipeline(r, "node { winrmInvoke(hosts: " + Fixtures.groovyHostList(fleet)
                    + ", credentialsId: '" + Fixtures.CREDENTIALS_ID + "', keytabCredentialsId: '"
                    + RESTRICTED_KEYTAB_ID + "', command: 'echo hi') }");

            r.assertBuildStatus(Result.FAILURE, b);
            r.assertLogContains("keytabCredentialsId: credentials '" + RESTRICTED_KEYTAB_ID + "' may not be used for http://"
                    + Fixtures.hostPort(fleet.host(0)) + ": the host is outside the credential's domain", b);
            assertThat(fleet.requestLog().entries()).isEmpty();
        }
    }

    @Test
    void theFormOffersOnlyKeytabsWhoseDomainAdmitsTheTypedWinrmHosts(JenkinsRule r) throws Exception {
        addRestrictedKeytab("*.corp.example");
        FreeStyleProject job = r.createFreeStyleProject();
        WinRmInvokeStep.DescriptorImpl d = r.jenkins.getDescriptorByType(WinRmInvokeStep.DescriptorImpl.class);

        ListBoxModel corp = d.doFillKeytabCredentialsIdItems(job, "", "web1.corp.example", false, "", "");
        ListBoxModel other = d.doFillKeytabCredentialsIdItems(job, "", "web1.corp.example\nweb9.other.example",
                false, "", "");
        // an SSH host logs in with credentialsId, not with the keytab: it does not narrow the list
        ListBoxModel withSsh = d.doFillKeytabCredentialsIdItems(job, "", "web1.corp.example\nssh://db.other.example",
                false, "", "");

        assertThat(corp).extracting(o -> o.value).contains(RESTRICTED_KEYTAB_ID);
        assertThat(other).extracting(o -> o.value).doesNotContain(RESTRICTED_KEYTAB_ID);
        assertThat(withSsh).extracting(o -> o.value).contains(RESTRICTED_KEYTAB_ID);
    }

    @Test
    void aUsernameMarkedSecretIsMaskedLikeThePassword(JenkinsRule r) throws Exception {
        String secretUser = "svc-deploy-4711";
        UsernamePasswordCredentialsImpl c = new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "secret-user",
                "username is secret", secretUser, PASSWORD);
        c.setUsernameSecret(true);
        SystemCredentialsProvider.getInstance().getCredentials().add(c);
        SystemCredentialsProvider.getInstance().save();
        try (SimulatedFleet fleet = SimulatedFleet.start(FleetConfig.builder().hosts(1).user(secretUser)
                .password(PASSWORD).clockScale(0.01).scenario(Scenario.fromJson(
                        "{\"hosts\": {\"0\": {\"steps\": [{\"stdout\": \"whoami: " + secretUser + "\\n\"}]}}}"))
                .build())) {
            WorkflowRun b = runPipeline(r, "node { def rs = winrmInvoke(hosts: " + Fixtures.groovyHostList(fleet)
                    + ", credentialsId: 'secret-user', command: 'whoami')\n echo \"returned=${rs[0].stdout}\" }");

            r.assertBuildStatus(Result.SUCCESS, b);
            r.assertLogNotContains(secretUser, b);
            r.assertLogContains("whoami: ****", b);
            r.assertLogContains("returned=whoami: ****", b);
        }
    }
}
