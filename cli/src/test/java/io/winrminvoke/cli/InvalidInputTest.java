package io.winrminvoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.cli.InProcessCli.Outcome;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.SimulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every invalid input ends with exit status 2, exactly one line on stderr naming the problem,
 * nothing on stdout, and not a single request reaching the (healthy, listening) simulated host.
 */
class InvalidInputTest {

    private static final String PASSWORD = "Inv4lid-Input-Pw";
    private static final Map<String, String> ENV = Map.of("PW", PASSWORD, "EMPTY_PW", "");

    @RegisterExtension
    static final SimulatorExtension sim = SimulatorExtension.with(
            FleetConfig.builder().hosts(1).user("u").password(PASSWORD));

    @TempDir
    static Path dir;

    @BeforeAll
    static void files() throws IOException {
        Files.writeString(dir.resolve("comments-only.txt"), "# nothing here yet\n\n   \n# still nothing\n");
        Files.writeString(dir.resolve("bad-hosts.txt"), "# ok so far\nhost-a\nhost-b:notaport\n");
        Files.writeString(dir.resolve("a-file"), "not a directory");
        Files.writeString(dir.resolve("empty.ps1"), "\n  \n");
        Files.writeString(dir.resolve("deploy.keytab"), "not read: the options are refused first");
        Files.writeString(dir.resolve("krb5cc"), "not read: the options are refused first");
        // an Ansible-style inventory line with the password pasted in: the error quotes the line
        Files.writeString(dir.resolve("pw-in-hosts.txt"), "host-a " + PASSWORD + "\n");
    }

    @AfterEach
    void noHostWasContacted() {
        assertThat(sim.fleet().requestLog().entries()).isEmpty();
    }

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                invalid("no host at all", "no hosts",
                        "--user", "u", "--password-env", "PW", "--command", "echo hi"),
                invalid("hosts file with only comments", "no hosts given",
                        "--hosts-file", "{dir}/comments-only.txt", "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("hosts file missing", "does not exist",
                        "--hosts-file", "{dir}/missing.txt", "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("bad entry in hosts file", "bad-hosts.txt",
                        "--hosts-file", "{dir}/bad-hosts.txt", "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("password pasted into a hosts file line", "pw-in-hosts.txt",
                        "--hosts-file", "{dir}/pw-in-hosts.txt", "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("port out of range", "70000",
                        "--host", "{host}", "--host", "127.0.0.1:70000", "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("port without host", ":5985",
                        "--host", "{host}", "--host", ":5985", "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("--port 0", "--port",
                        "--host", "{host}", "--port", "0", "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("throttle 0", "--throttle",
                        "--host", "{host}", "--throttle", "0", "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("throttle not a number", "--throttle",
                        "--host", "{host}", "--throttle", "many", "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("negative retries", "--retries",
                        "--host", "{host}", "--retries", "-1", "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("unknown duration unit", "--retry-delay",
                        "--host", "{host}", "--retry-delay", "5fortnights", "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"),
                // picocli quotes the value it could not convert: the password pasted there must not show
                invalid("password pasted as a --throttle value", "--throttle",
                        "--host", "{host}", "--throttle", PASSWORD, "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("password pasted as a --powershell-arg without a name", "--powershell-arg",
                        "--host", "{host}", "--powershell-arg", PASSWORD, "--user", "u", "--password-env=PW",
                        "--powershell", "Get-Date"),
                invalid("retry cap shorter than the default first delay",
                        "--max-retry-delay: invalid value '1ms': must not be shorter than --retry-delay (5s, its default)",
                        "--host", "{host}", "--max-retry-delay", "1ms", "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("backoff below 1", "--retry-backoff",
                        "--host", "{host}", "--retry-backoff", "0.5", "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("backoff not a number", "--retry-backoff",
                        "--host", "{host}", "--retry-backoff", "fast", "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("retry cap shorter than the first delay",
                        "--max-retry-delay: invalid value '2s': must not be shorter than --retry-delay (10s)",
                        "--host", "{host}", "--retry-delay", "10s", "--max-retry-delay", "2s", "--user", "u",
                        "--password-env", "PW", "--command", "echo hi"),
                invalid("duration without unit", "--command-timeout",
                        "--host", "{host}", "--command-timeout", "10", "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("unknown unit in overall timeout", "--timeout",
                        "--host", "{host}", "--timeout", "3w", "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("password variable not set", "NO_SUCH_VARIABLE",
                        "--host", "{host}", "--user", "u", "--password-env", "NO_SUCH_VARIABLE",
                        "--command", "echo hi"),
                invalid("password variable empty", "EMPTY_PW",
                        "--host", "{host}", "--user", "u", "--password-env", "EMPTY_PW", "--command", "echo hi"),
                // --password-env "$PW" instead of --password-env PW: the error must not quote the value
                invalid("the password itself given as the variable name", "--password-env",
                        "--host", "{host}", "--user", "u", "--password-env", PASSWORD, "--command", "echo hi"),
                invalid("--command and --powershell", "only one",
                        "--host", "{host}", "--user", "u", "--password-env", "PW", "--command", "echo hi",
                        "--powershell", "Get-Date"),
                invalid("nothing to run", "nothing to run",
                        "--host", "{host}", "--user", "u", "--password-env", "PW"),
                invalid("missing --user", "--user",
                        "--host", "{host}", "--password-env", "PW", "--command", "echo hi"),
                invalid("empty --user", "--user:",
                        "--host", "{host}", "--user", "", "--password-env", "PW", "--command", "echo hi"),
                invalid("password typed on the command line out of habit", "--password-env",
                        "--host", "{host}", "--user", "u", "--password", PASSWORD, "--command", "echo hi"),
                invalid("unknown option", "--frobnicate",
                        "--host", "{host}", "--user", "u", "--password-env", "PW", "--command", "echo hi",
                        "--frobnicate"),
                invalid("--insecure without --https", "--insecure",
                        "--host", "{host}", "--user", "u", "--password-env", "PW", "--command", "echo hi",
                        "--insecure"),
                invalid("--ca-file that does not exist", "no-ca.pem does not exist",
                        "--host", "{host}", "--https", "--ca-file", "{dir}/no-ca.pem", "--user", "u",
                        "--password-env", "PW", "--command", "echo hi"),
                invalid("--rerun-failed with --host", "--rerun-failed",
                        "--host", "{host}", "--rerun-failed", "{dir}/results.json", "--user", "u",
                        "--password-env", "PW", "--command", "echo hi"),
                invalid("--rerun-failed file missing", "not found",
                        "--rerun-failed", "{dir}/results.json", "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("--codepage 0", "--codepage",
                        "--host", "{host}", "--codepage", "0", "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("--codepage with PowerShell", "--codepage",
                        "--host", "{host}", "--codepage", "932", "--user", "u", "--password-env", "PW",
                        "--powershell", "Get-Date"),
                invalid("unknown PowerShell edition", "--powershell-edition",
                        "--host", "{host}", "--powershell-edition", "bash", "--user", "u", "--password-env", "PW",
                        "--powershell", "Get-Date"),
                invalid("PowerShell argument with --command", "--powershell-arg",
                        "--host", "{host}", "--powershell-arg", "Build=42", "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("PowerShell argument name with a space", "--powershell-arg",
                        "--host", "{host}", "--powershell-arg", "Build Number=42", "--user", "u",
                        "--password-env", "PW",
                        "--powershell", "Get-Date"),
                invalid("--password-arg name with a space", "--password-arg: invalid value 'Admin Password'",
                        "--host", "{host}", "--password-arg", "Admin Password", "--user", "u",
                        "--password-env", "PW", "--powershell", "Get-Date"),
                invalid("empty --powershell-file", "is empty",
                        "--host", "{host}", "--powershell-file", "{dir}/empty.ps1", "--user", "u",
                        "--password-env", "PW"),
                invalid("a wave of 0 hosts", "--waves: invalid value '1,0,100%': '0' is out of range",
                        "--host", "{host}", "--waves", "1,0,100%", "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("a wave over 100%", "--waves: invalid value '150%'",
                        "--host", "{host}", "--waves", "150%", "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("a budget that is not a count or a percentage", "--max-failures: invalid value 'some'",
                        "--host", "{host}", "--max-failures", "some", "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("--fail-fast with --max-failures", "give --fail-fast or --max-failures, not both",
                        "--host", "{host}", "--fail-fast", "--max-failures", "2", "--user", "u",
                        "--password-env", "PW", "--command", "echo hi"),
                invalid("a dry run with invalid input is invalid input too", "--waves",
                        "--host", "{host}", "--dry-run", "--waves", "ten", "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("unknown --auth", "--auth: invalid value 'digest': allowed basic, ntlm, kerberos, negotiate",
                        "--host", "{host}", "--auth", "digest", "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("basic over HTTP without the opt-in", "--allow-unencrypted",
                        "--host", "{host}", "--auth", "basic", "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("--allow-unencrypted with ntlm", "--allow-unencrypted: applies only to auth basic",
                        "--host", "{host}", "--auth", "ntlm", "--allow-unencrypted", "--user", "u",
                        "--password-env", "PW", "--command", "echo hi"),
                invalid("--allow-unencrypted over HTTPS", "--allow-unencrypted: applies only to plain HTTP",
                        "--host", "{host}", "--https", "--auth", "basic", "--allow-unencrypted", "--user", "u",
                        "--password-env", "PW", "--command", "echo hi"),
                invalid("missing --keytab file", "--keytab",
                        "--host", "{host}", "--keytab", "{dir}/missing.keytab", "--user", "u@CORP",
                        "--command", "echo hi"),
                invalid("--keytab with ntlm", "--keytab: applies only to auth kerberos or negotiate",
                        "--host", "{host}", "--auth", "ntlm", "--keytab", "{dir}/deploy.keytab", "--user", "u@CORP",
                        "--command", "echo hi"),
                invalid("--keytab and --kerberos-ticket-cache", "--kerberos-ticket-cache",
                        "--host", "{host}", "--keytab", "{dir}/deploy.keytab", "--kerberos-ticket-cache",
                        "{dir}/krb5cc", "--user", "u@CORP", "--command", "echo hi"),
                invalid("--keytab and a password", "--keytab: give a password or a Kerberos credentials file",
                        "--host", "{host}", "--keytab", "{dir}/deploy.keytab", "--user", "u@CORP",
                        "--password-env", "PW", "--command", "echo hi"),
                invalid("neither password nor Kerberos file", "--password-env: missing",
                        "--host", "{host}", "--user", "u", "--command", "echo hi"),
                invalid("kerberos to an IP address", "no SPN",
                        "--host", "{host}", "--auth", "kerberos", "--user", "u@CORP", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("kerberos with a NetBIOS domain user", "--user: 'CORP\\u' cannot log in to Kerberos",
                        "--host", "{host}", "--auth", "kerberos", "--user", "CORP\\u", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("unknown --spn-service", "--spn-service: invalid value 'HOST': allowed HTTP, WSMAN",
                        "--host", "{host}", "--spn-service", "HOST", "--user", "u@CORP", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("--spn-port with ntlm", "--spn-port: applies only to auth kerberos or negotiate (auth is ntlm)",
                        "--host", "{host}", "--auth", "ntlm", "--spn-port", "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"),
                invalid("a control character WinRM cannot carry in the command", "character U+001B at position 6",
                        "--host", "{host}", "--user", "u", "--password-env", "PW", "--command", "echo \u001b[1mbold"),
                invalid("--report-dir is a file", "--report-dir",
                        "--host", "{host}", "--report-dir", "{dir}/a-file", "--user", "u", "--password-env", "PW",
                        "--command", "echo hi"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInputs")
    void exitsTwoWithOneLineNamingTheProblem(String description, String named, List<String> template) {
        Outcome outcome = InProcessCli.run(ENV, resolve(template));

        assertThat(outcome.exitStatus()).as(outcome.toString()).isEqualTo(ExitStatus.INVALID_INPUT);
        assertThat(outcome.errLines()).as(outcome.toString()).hasSize(1);
        assertThat(outcome.errLines().get(0)).startsWith("winrm-invoke: ").contains(named);
        assertThat(outcome.out()).isEmpty();
        assertThat(outcome.err()).doesNotContain(PASSWORD);
    }

    private static Arguments invalid(String description, String named, String... args) {
        List<String> all = new ArrayList<>(List.of("run"));
        all.addAll(List.of(args));
        return Arguments.of(description, named, all);
    }

    private static String[] resolve(List<String> template) {
        String host = sim.fleet().host(0).address() + ":" + sim.fleet().host(0).port();
        return template.stream()
                .map(a -> a.replace("{host}", host).replace("{dir}", dir.toString()))
                .toArray(String[]::new);
    }
}
