package io.winrminvoke.cli.demo;

import io.winrminvoke.engine.result.HostStatus;
import java.util.List;

/**
 * The fleet {@code winrm-invoke demo} runs against: twelve simulated Windows hosts whose behaviour
 * shows what the tool does with each kind of host, and the status each must end with. Every host
 * has scripted steps, so nothing is executed on the machine running the demo (it works on Windows
 * too).
 */
final class DemoScenario {

    static final int HOSTS = 12;
    static final String USER = "demo";
    /** Printed by host 0 to show that the console and the reports mask the password. */
    static final String PASSWORD = "Demo-Pa55word!";
    static final String COMMAND = "deploy.cmd /build:42";

    /** Host index -> the status the scenario gives it. */
    static final List<HostStatus> EXPECTED = List.of(
            HostStatus.SUCCEEDED, HostStatus.SUCCEEDED, HostStatus.SUCCEEDED, HostStatus.SUCCEEDED,
            HostStatus.SUCCEEDED, HostStatus.SUCCEEDED, HostStatus.SUCCEEDED,
            HostStatus.FAILED, HostStatus.UNREACHABLE, HostStatus.SUCCEEDED, HostStatus.SUCCEEDED,
            HostStatus.TIMED_OUT);

    /** The scenario in the simulator's JSON format. */
    static final String JSON = """
            {
              "defaults": { "latency": "PT0.02S" },
              "hosts": {
                "0": { "exitCode": 0, "steps": [
                    {"stdout": "net use \\\\\\\\fileserver\\\\builds /user:demo %s\\r\\n"},
                    {"stdout": "Stopping AppPool...\\r\\n"}, {"sleep": "PT1S"},
                    {"stdout": "Deployed build 42\\r\\n"} ] },
                "1-6": { "exitCode": 0, "steps": [
                    {"stdout": "Stopping AppPool...\\r\\n"}, {"sleep": "PT1S"},
                    {"stdout": "Deployed build 42\\r\\n"} ] },
                "7": { "exitCode": 3, "steps": [
                    {"stdout": "Stopping AppPool...\\r\\n"},
                    {"stderr": "ERROR: not enough space on disk D:\\r\\n"} ] },
                "8": { "refuse": true },
                "9": { "exitCode": 0, "steps": [
                    {"stdout": "Warming caches (slow disk)...\\r\\n"}, {"sleep": "PT2.5S"},
                    {"stdout": "Deployed build 42\\r\\n"} ] },
                "10": { "exitCode": 0, "steps": [
                    {"stdout": "\u30d3\u30eb\u30c9 42 \u3092\u30c7\u30d7\u30ed\u30a4\u3057\u307e\u3057\u305f\\r\\n"},
                    {"stdout": "\u3053\u3093\u306b\u3061\u306f\u3001\u4e16\u754c\\r\\n"} ] },
                "11": { "steps": [
                    {"stdout": "Waiting for the installer lock...\\r\\n"}, {"hang": true} ] }
              }
            }
            """.formatted(PASSWORD);

    /** The options the demo passes to {@code run}, besides hosts, credentials and command. */
    static final List<String> RUN_OPTIONS = List.of(
            "--throttle", "6",
            "--retries", "1",
            "--retry-delay", "500ms",
            "--command-timeout", "5s");

    private DemoScenario() {
    }
}
