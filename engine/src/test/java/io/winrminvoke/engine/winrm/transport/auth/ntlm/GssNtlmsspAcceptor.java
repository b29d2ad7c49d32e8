package io.winrminvoke.engine.winrm.transport.auth.ntlm;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's gss-ntlmssp acceptor (through python3-gssapi), driven line by line over the
 * process's stdin and stdout by {@code src/test/python/ntlm_acceptor.py}. The accounts it knows
 * are in a file named by NTLM_USER_FILE; its NetBIOS names are fixed so tests can name them.
 */
final class GssNtlmsspAcceptor implements AutoCloseable {

    static final String COMPUTER = "WINHOST";
    static final String DOMAIN = "CORP";
    private static final String PACKAGES = "gss-ntlmssp python3-gssapi";
    private static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("src/test/python/ntlm_acceptor.py");

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final Path stderr;

    private GssNtlmsspAcceptor(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /**
     * Starts an acceptor for the accounts given as {@code DOMAIN:user:password} lines, bound to a
     * TLS channel when {@code channelBindings} is not null. Fails (never skips) when the Debian
     * packages are missing: CI installs them.
     */
    static GssNtlmsspAcceptor start(Path dir, List<String> accounts, byte[] channelBindings) throws IOException {
        if (!Files.isExecutable(SYSTEM_PYTHON)) {
            fail(SYSTEM_PYTHON + " is missing: the NTLM cross-check needs Debian's python3 with " + PACKAGES
                    + " (apt-get install " + PACKAGES + "; .ci/run installs them)");
        }
        Path users = Files.write(dir.resolve("ntlm-users"), accounts);
        Path stderr = dir.resolve("acceptor.stderr");
        List<String> command = new ArrayList<>(List.of(SYSTEM_PYTHON.toString(), SCRIPT.toString()));
        if (channelBindings != null) {
            command.add(Base64.getEncoder().encodeToString(channelBindings));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().put("NTLM_USER_FILE", users.toString());
        builder.environment().put("NETBIOS_COMPUTER_NAME", COMPUTER);
        builder.environment().put("NETBIOS_DOMAIN_NAME", DOMAIN);
        GssNtlmsspAcceptor acceptor = new GssNtlmsspAcceptor(builder.start(), stderr);
        String first = acceptor.out.readLine();
        if (!"ready".equals(first)) {
            acceptor.close();
            fail("the gss-ntlmssp acceptor did not start (" + first + "; " + acceptor.stderrText()
                    + "): the NTLM cross-check needs Debian's " + PACKAGES + " (apt-get install " + PACKAGES
                    + "; .ci/run installs them)");
        }
        return acceptor;
    }

    /** The acceptor's answer: its verb and, when it carries data, the data. */
    record Answer(String verb, byte[] data, String text) {
        boolean isError() {
            return verb.equals("error");
        }
    }

    Answer request(String verb, byte[] data) throws IOException {
        in.write(verb + " " + Base64.getEncoder().encodeToString(data) + "\n");
        in.flush();
        String line = out.readLine();
        if (line == null) {
            fail("the gss-ntlmssp acceptor ended: " + stderrText());
        }
        int space = line.indexOf(' ');
        String answerVerb = space < 0 ? line : line.substring(0, space);
        String rest = space < 0 ? "" : line.substring(space + 1);
        byte[] answerData = answerVerb.equals("error") || rest.isEmpty() ? new byte[0] : Base64.getDecoder().decode(rest);
        return new Answer(answerVerb, answerData, rest);
    }

    private String stderrText() {
        try {
            return Files.exists(stderr) ? Files.readString(stderr).strip() : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws IOException {
        in.close(); // the script ends at the end of its input
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
