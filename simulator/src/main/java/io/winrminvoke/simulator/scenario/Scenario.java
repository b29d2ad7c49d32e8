package io.winrminvoke.simulator.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winrminvoke.simulator.auth.cbt.CbtHardeningLevel;
import io.winrminvoke.simulator.wsman.WsmanFault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Per-host behaviour of a simulated fleet, read from JSON (see docs/simulator.md). Every key and
 * value is validated when the scenario is read; the error names the key and the bad value.
 */
public final class Scenario {
    /** Largest {@code bytes} of a repeated-output step: the output is held in memory. */
    public static final long MAX_REPEAT_BYTES = 256L * 1024 * 1024;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern RANGE = Pattern.compile("(\\d+)-(\\d+)");
    private static final Pattern INDEX = Pattern.compile("\\d+");
    private static final Set<String> HOST_KEYS = Set.of("refuse", "hangConnection", "dropOnRequest",
            "faultOnRequest", "latency", "createLatency", "auth", "requireHttps", "basic", "allowUnencrypted", "ntlm", "kerberos",
            "cbtHardeningLevel", "password", "exitCode", "steps", "maxShellsPerUser",
            "maxConcurrentOperationsPerUser", "maxEnvelopeSizeKb", "maxTimeoutMs");

    private final ObjectNode defaults;
    /** Host keys in file order, each with its (validated) fields. */
    private final Map<String, ObjectNode> hosts;

    private Scenario(ObjectNode defaults, Map<String, ObjectNode> hosts) {
        this.defaults = defaults;
        this.hosts = hosts;
    }

    /** No per-host behaviour: every host runs commands under /bin/sh with Basic auth. */
    public static Scenario empty() {
        return new Scenario(JSON.createObjectNode(), Map.of());
    }

    public static Scenario fromFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException("scenario file " + file + ": cannot read (" + e.getMessage() + ")", e);
        }
        return fromJson(text);
    }

    public static Scenario fromJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ScenarioException("scenario is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()), e);
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException("scenario: the top level must be a JSON object with 'defaults' and/or 'hosts'");
        }
        ObjectNode defaults = JSON.createObjectNode();
        Map<String, ObjectNode> hosts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            switch (e.getKey()) {
                case "defaults" -> defaults = hostObject(e.getValue(), "defaults");
                case "hosts" -> {
                    if (!e.getValue().isObject()) {
                        throw new ScenarioException("hosts: must be an object keyed by host index, range a-b or name");
                    }
                    for (Map.Entry<String, JsonNode> host : e.getValue().properties()) {
                        validateHostKey(host.getKey());
                        hosts.put(host.getKey(), hostObject(host.getValue(), "hosts." + host.getKey()));
                    }
                }
                default -> throw new ScenarioException("scenario: unknown key '" + e.getKey()
                        + "'; allowed: defaults, hosts");
            }
        }
        Scenario scenario = new Scenario(defaults, hosts);
        // Building every entry once reports bad values now, not when a host first needs them.
        scenario.build(defaults, "defaults");
        hosts.forEach((key, node) -> scenario.build(merge(scenario.defaults, node), "hosts." + key));
        return scenario;
    }

    /**
     * Checks that every host key names a host of a fleet of {@code hostCount} hosts whose names are
     * {@code names}; a key for a host that does not exist is a mistake worth reporting.
     */
    public void validateFor(int hostCount, List<String> names) {
        for (String key : hosts.keySet()) {
            Matcher range = RANGE.matcher(key);
            if (range.matches()) {
                long to = Long.parseLong(range.group(2));
                if (to >= hostCount) {
                    throw new ScenarioException("hosts." + key + ": range goes past the last host (index "
                            + (hostCount - 1) + ")");
                }
            } else if (INDEX.matcher(key).matches()) {
                if (Long.parseLong(key) >= hostCount) {
                    throw new ScenarioException("hosts." + key + ": no such host; indexes are 0.." + (hostCount - 1));
                }
            } else if (!names.contains(key)) {
                throw new ScenarioException("hosts." + key + ": no host has this name; names are host-000.."
                        + names.get(names.size() - 1));
            }
        }
    }

    /** The behaviour of host {@code index} named {@code name}: defaults, then matching entries in file order. */
    public HostBehaviour behaviourFor(int index, String name) {
        return behaviourFor(index, name, Duration.ZERO);
    }

    /** As {@link #behaviourFor(int, String)}; {@code fleetLatency} applies where the scenario sets no latency. */
    public HostBehaviour behaviourFor(int index, String name, Duration fleetLatency) {
        ObjectNode merged = defaults.deepCopy();
        for (Map.Entry<String, ObjectNode> e : hosts.entrySet()) {
            if (matches(e.getKey(), index, name)) {
                merged = merge(merged, e.getValue());
            }
        }
        HostBehaviour b = build(merged, name);
        return merged.has("latency") ? b : b.withLatency(fleetLatency);
    }

    private static boolean matches(String key, int index, String name) {
        Matcher range = RANGE.matcher(key);
        if (range.matches()) {
            return index >= Long.parseLong(range.group(1)) && index <= Long.parseLong(range.group(2));
        }
        if (INDEX.matcher(key).matches()) {
            return Long.parseLong(key) == index;
        }
        return key.equals(name);
    }

    private static void validateHostKey(String key) {
        Matcher range = RANGE.matcher(key);
        if (range.matches() && Long.parseLong(range.group(1)) > Long.parseLong(range.group(2))) {
            throw new ScenarioException("hosts." + key + ": range start is greater than its end");
        }
        if (key.isBlank()) {
            throw new ScenarioException("hosts: an empty key; use an index, a range a-b or a host name");
        }
    }

    private static ObjectNode hostObject(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new ScenarioException(where + ": must be an object of host fields");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!HOST_KEYS.contains(key)) {
                throw new ScenarioException(where + "." + key + ": unknown key; allowed: "
                        + HOST_KEYS.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
        return (ObjectNode) node;
    }

    private static ObjectNode merge(ObjectNode base, ObjectNode override) {
        ObjectNode merged = base.deepCopy();
        merged.setAll(override);
        return merged;
    }

    private HostBehaviour build(ObjectNode n, String where) {
        HostBehaviour d = HostBehaviour.defaults();
        FaultOnRequest fault = null;
        if (n.has("faultOnRequest")) {
            fault = faultOnRequest(n.get("faultOnRequest"), where + ".faultOnRequest");
        }
        return new HostBehaviour(
                bool(n, "refuse", where, false),
                bool(n, "hangConnection", where, false),
                n.has("dropOnRequest") ? (int) integer(n.get("dropOnRequest"), where + ".dropOnRequest", 1, Integer.MAX_VALUE) : null,
                fault,
                n.has("latency") ? duration(n.get("latency"), where + ".latency") : d.latency(),
                n.has("createLatency") ? duration(n.get("createLatency"), where + ".createLatency") : d.createLatency(),
                basic(n, where),
                allowUnencrypted(n, where),
                n.has("ntlm") ? bool(n, "ntlm", where, true) : null,
                n.has("kerberos") ? bool(n, "kerberos", where, false) : null,
                n.has("cbtHardeningLevel") ? cbtHardeningLevel(n.get("cbtHardeningLevel"), where + ".cbtHardeningLevel") : null,
                n.has("password") ? text(n.get("password"), where + ".password") : null,
                n.has("exitCode") ? integer(n.get("exitCode"), where + ".exitCode", Integer.MIN_VALUE, 0xFFFF_FFFFL) : 0,
                n.has("steps") ? steps(n.get("steps"), where + ".steps") : null,
                n.has("maxShellsPerUser") ? (int) integer(n.get("maxShellsPerUser"), where + ".maxShellsPerUser", 1, 100_000) : d.maxShellsPerUser(),
                n.has("maxConcurrentOperationsPerUser") ? (int) integer(n.get("maxConcurrentOperationsPerUser"), where + ".maxConcurrentOperationsPerUser", 1, 1_000_000) : d.maxConcurrentOperationsPerUser(),
                n.has("maxEnvelopeSizeKb") ? (int) integer(n.get("maxEnvelopeSizeKb"), where + ".maxEnvelopeSizeKb", 32, 100_000) : d.maxEnvelopeSizeKb(),
                n.has("maxTimeoutMs") ? integer(n.get("maxTimeoutMs"), where + ".maxTimeoutMs", 500, 86_400_000) : d.maxTimeoutMs());
    }

    /** {@code basic}, or its older spelling {@code auth: negotiate-only} (Basic off); not both. */
    private static Boolean basic(ObjectNode n, String where) {
        if (n.has("auth") && n.has("basic")) {
            throw new ScenarioException(where + ".auth: give either 'auth' or 'basic', not both ('auth' is the older spelling)");
        }
        if (n.has("auth")) {
            return AuthMode.fromJson(text(n.get("auth"), where + ".auth"), where + ".auth") == AuthMode.BASIC;
        }
        return n.has("basic") ? bool(n, "basic", where, true) : null;
    }

    /** {@code allowUnencrypted}, or its older spelling {@code requireHttps} (its negation); not both. */
    private static Boolean allowUnencrypted(ObjectNode n, String where) {
        if (n.has("requireHttps") && n.has("allowUnencrypted")) {
            throw new ScenarioException(where + ".requireHttps: give either 'requireHttps' or 'allowUnencrypted', not both"
                    + " ('requireHttps' is the older spelling)");
        }
        if (n.has("requireHttps")) {
            return !bool(n, "requireHttps", where, false);
        }
        return n.has("allowUnencrypted") ? bool(n, "allowUnencrypted", where, true) : null;
    }

    private static CbtHardeningLevel cbtHardeningLevel(JsonNode v, String where) {
        try {
            return CbtHardeningLevel.parse(text(v, where), where);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(e.getMessage());
        }
    }

    private static FaultOnRequest faultOnRequest(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new ScenarioException(where + ": must be an object {\"n\": N, \"fault\": NAME}");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("n") && !key.equals("fault")) {
                throw new ScenarioException(where + "." + key + ": unknown key; allowed: n, fault");
            }
        }
        if (!node.has("n") || !node.has("fault")) {
            throw new ScenarioException(where + ": needs both 'n' and 'fault'");
        }
        int n = (int) integer(node.get("n"), where + ".n", 1, Integer.MAX_VALUE);
        String name = text(node.get("fault"), where + ".fault");
        List<WsmanFault> allowed = Arrays.stream(WsmanFault.values()).filter(WsmanFault::injectable).toList();
        WsmanFault fault = allowed.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new ScenarioException(where + ".fault: '" + name + "' is not a fault; allowed: "
                        + allowed.stream().map(Enum::name).collect(Collectors.joining(", "))));
        return new FaultOnRequest(n, fault);
    }

    private static List<Step> steps(JsonNode node, String where) {
        if (!node.isArray()) {
            throw new ScenarioException(where + ": must be an array of step objects");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            steps.add(step(node.get(i), where + "[" + i + "]"));
        }
        return steps;
    }

    private static Step step(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new ScenarioException(where + ": must be an object like {\"stdout\": \"text\"}");
        }
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        String allowed = "stdout, stderr, stdoutBase64, stderrBase64, sleep, hang, stdoutRepeat+bytes, "
                + "stderrRepeat+bytes, exit";
        boolean repeat = keys.contains("stdoutRepeat") || keys.contains("stderrRepeat");
        if (repeat ? !(keys.size() == 2 && keys.contains("bytes")) : keys.size() != 1) {
            throw new ScenarioException(where + ": a step has exactly one of " + allowed + "; got " + keys);
        }
        String kind = repeat ? (keys.contains("stdoutRepeat") ? "stdoutRepeat" : "stderrRepeat") : keys.get(0);
        JsonNode value = node.get(kind);
        String at = where + "." + kind;
        return switch (kind) {
            case "stdout" -> new Step.Output(Step.Stream.STDOUT, text(value, at).getBytes(StandardCharsets.UTF_8));
            case "stderr" -> new Step.Output(Step.Stream.STDERR, text(value, at).getBytes(StandardCharsets.UTF_8));
            case "stdoutBase64" -> new Step.Output(Step.Stream.STDOUT, base64(value, at));
            case "stderrBase64" -> new Step.Output(Step.Stream.STDERR, base64(value, at));
            case "sleep" -> new Step.Sleep(duration(value, at));
            case "hang" -> {
                if (!value.isBoolean() || !value.booleanValue()) {
                    throw new ScenarioException(at + ": must be true");
                }
                yield new Step.Hang();
            }
            case "exit" -> new Step.Exit(integer(value, at, Integer.MIN_VALUE, 0xFFFF_FFFFL));
            case "stdoutRepeat", "stderrRepeat" -> {
                String pattern = text(value, at);
                if (pattern.isEmpty()) {
                    throw new ScenarioException(at + ": must not be empty");
                }
                long bytes = integer(node.get("bytes"), where + ".bytes", 0, MAX_REPEAT_BYTES);
                yield new Step.RepeatedOutput(kind.startsWith("stdout") ? Step.Stream.STDOUT : Step.Stream.STDERR,
                        pattern.getBytes(StandardCharsets.UTF_8), bytes);
            }
            default -> throw new ScenarioException(where + "." + kind + ": unknown step; allowed: " + allowed);
        };
    }

    private static boolean bool(ObjectNode n, String key, String where, boolean fallback) {
        JsonNode v = n.get(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw new ScenarioException(where + "." + key + ": '" + v + "' is not a boolean; allowed: true, false");
        }
        return v.booleanValue();
    }

    private static long integer(JsonNode v, String where, long min, long max) {
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new ScenarioException(where + ": '" + v + "' is not an integer; allowed: " + min + ".." + max);
        }
        long value = v.longValue();
        if (value < min || value > max) {
            throw new ScenarioException(where + ": " + value + " is out of range; allowed: " + min + ".." + max);
        }
        return value;
    }

    private static String text(JsonNode v, String where) {
        if (!v.isTextual()) {
            throw new ScenarioException(where + ": '" + v + "' is not a string");
        }
        return v.textValue();
    }

    private static Duration duration(JsonNode v, String where) {
        return DurationText.parse(text(v, where), where);
    }

    private static byte[] base64(JsonNode v, String where) {
        try {
            return Base64.getDecoder().decode(text(v, where));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(where + ": not valid base64 (" + e.getMessage() + ")");
        }
    }
}
