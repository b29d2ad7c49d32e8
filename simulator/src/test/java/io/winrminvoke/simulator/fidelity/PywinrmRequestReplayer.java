package io.winrminvoke.simulator.fidelity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends pywinrm's own request documents (from python3-winrm's conftest.py) to one simulated
 * host, with only the ids, the endpoint and the OperationTimeout substituted, and keeps every
 * response for the structural comparison. Requests nobody here wrote keep the simulator from
 * being tested only against our own idea of a request.
 */
final class PywinrmRequestReplayer {

    // the fixed values pywinrm's test fixture patched into its recorded requests
    private static final String RECORDED_MESSAGE_ID = "uuid:11111111-1111-1111-1111-111111111111";
    private static final String RECORDED_SHELL_ID = "11111111-1111-1111-1111-111111111113";
    private static final String RECORDED_COMMAND_ID = "11111111-1111-1111-1111-111111111114";
    private static final String RECORDED_ENDPOINT = "http://windows-host:5985/wsman";
    private static final String RECORDED_OPERATION_TIMEOUT = "<w:OperationTimeout>PT20S</w:OperationTimeout>";

    /** The MaxEnvelopeSize in pywinrm's requests, which every response must fit. */
    static final int RECORDED_MAX_ENVELOPE_SIZE = 153600;

    private final Map<String, String> templates;
    private final HttpClient http;
    private final URI endpoint;
    private final String hostName;
    private final String authorization;
    private final String operationTimeout;
    private final List<ReplayedExchange> exchanges = new ArrayList<>();
    private String shellId;
    private String commandId;
    private int receives;

    PywinrmRequestReplayer(Map<String, String> templates, HttpClient http, URI endpoint, String hostName,
            String user, String password, Duration operationTimeout) {
        this.templates = templates;
        this.http = http;
        this.endpoint = endpoint;
        this.hostName = hostName;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.operationTimeout = "<w:OperationTimeout>" + operationTimeout + "</w:OperationTimeout>";
    }

    ReplayedExchange openShell() {
        ReplayedExchange exchange = send("Create", "open_shell_request");
        shellId = exchange.response().value("//w:SelectorSet/w:Selector[@Name='ShellId']").strip();
        return exchange;
    }

    ReplayedExchange runCommand() {
        ReplayedExchange exchange = send("Command", "run_cmd_wo_args_request");
        commandId = exchange.response().value("//rsp:CommandResponse/rsp:CommandId").strip();
        return exchange;
    }

    ReplayedExchange receive() {
        receives++;
        return send("Receive #" + receives, "get_cmd_output_request");
    }

    ReplayedExchange signal() {
        return send("Signal", "cleanup_cmd_request");
    }

    ReplayedExchange closeShell() {
        return send("Delete", "close_shell_request");
    }

    List<ReplayedExchange> exchanges() {
        return List.copyOf(exchanges);
    }

    private ReplayedExchange send(String operation, String templateName) {
        String messageId = "uuid:" + UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT);
        String body = substitute(templateName, RECORDED_MESSAGE_ID, messageId);
        body = replaceAll(templateName, body, RECORDED_ENDPOINT, endpoint.toString());
        body = replaceAll(templateName, body, RECORDED_OPERATION_TIMEOUT, operationTimeout);
        if (shellId != null && body.contains(RECORDED_SHELL_ID)) {
            body = body.replace(RECORDED_SHELL_ID, shellId);
        }
        if (commandId != null && body.contains(RECORDED_COMMAND_ID)) {
            body = body.replace(RECORDED_COMMAND_ID, commandId);
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/soap+xml;charset=UTF-8")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        String label = hostName + " " + operation;
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            ReplayedExchange exchange = new ReplayedExchange(label, messageId, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body().length,
                    ResponseStructure.parse(label, new String(response.body(), StandardCharsets.UTF_8)));
            exchanges.add(exchange);
            return exchange;
        } catch (IOException e) {
            throw new IllegalStateException(label + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(label + " interrupted", e);
        }
    }

    private String substitute(String templateName, String recorded, String replacement) {
        String template = templates.get(templateName);
        if (template == null) {
            throw new IllegalStateException("conftest.py has no " + templateName + " any more");
        }
        return replaceAll(templateName, template, recorded, replacement);
    }

    // a substitution that silently matched nothing would replay the recorded ids: refuse it
    private static String replaceAll(String templateName, String text, String recorded, String replacement) {
        if (!text.contains(recorded)) {
            throw new IllegalStateException(templateName + " no longer contains " + recorded);
        }
        return text.replace(recorded, replacement);
    }
}
