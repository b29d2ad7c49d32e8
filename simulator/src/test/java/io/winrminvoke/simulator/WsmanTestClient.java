package io.winrminvoke.simulator;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.net.ssl.SSLContext;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import java.util.UUID;

/**
 * A deliberately plain WinRS client for the simulator's own tests: SOAP written by hand here, sent
 * with the JDK HttpClient, answers read with DOM. (The engine's client is tested against the
 * simulator elsewhere; this one must not share code with it.)
 */
final class WsmanTestClient {
    static final String SHELL_NS = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell";
    static final String ADDRESSING_NS = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    static final String SOAP_NS = "http://www.w3.org/2003/05/soap-envelope";
    static final String FAULT_NS = "http://schemas.microsoft.com/wbem/wsman/1/wsmanfault";
    static final String WSMAN_NS = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";

    private final URI endpoint;
    private final String authorization;
    private final HttpClient http;
    long maxEnvelopeSize = 153600;
    String operationTimeout = "PT20S";

    WsmanTestClient(URI endpoint, String user, String password) {
        this(endpoint, user, password, (SSLContext) null);
    }

    WsmanTestClient(URI endpoint, String user, String password, SSLContext ssl) {
        this(endpoint, user, password, newHttpClient(ssl));
    }

    /** Shares {@code http} (its connections and selector thread) with other clients. */
    WsmanTestClient(URI endpoint, String user, String password, HttpClient http) {
        this.endpoint = endpoint;
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.http = http;
    }

    static HttpClient newHttpClient(SSLContext ssl) {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5));
        if (ssl != null) {
            b.sslContext(ssl);
        }
        return b.build();
    }

    /** One HTTP answer. */
    record Response(int status, HttpResponse<byte[]> raw, String messageId) {
        String text() {
            return new String(raw.body(), StandardCharsets.UTF_8);
        }

        Document xml() {
            try {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                return f.newDocumentBuilder().parse(new ByteArrayInputStream(raw.body()));
            } catch (Exception e) {
                throw new AssertionError("response is not XML: " + text(), e);
            }
        }

        String first(String ns, String localName) {
            NodeList nodes = xml().getElementsByTagNameNS(ns, localName);
            return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
        }

        Element firstElement(String ns, String localName) {
            NodeList nodes = xml().getElementsByTagNameNS(ns, localName);
            return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
        }

        String action() {
            return first(ADDRESSING_NS, "Action");
        }

        String relatesTo() {
            return first(ADDRESSING_NS, "RelatesTo");
        }

        String faultSubcode() {
            Element sub = firstElement(SOAP_NS, "Subcode");
            return sub == null ? null : sub.getTextContent().trim();
        }

        String wsmanFaultCode() {
            Element f = firstElement(FAULT_NS, "WSManFault");
            return f == null ? null : f.getAttribute("Code");
        }
    }

    /** Output of a command read to the end. */
    record Output(byte[] stdout, byte[] stderr, long exitCode, int receives, int timeouts, List<Response> responses) {
        String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        String stderrText() {
            return new String(stderr, StandardCharsets.UTF_8);
        }
    }

    Response post(String action, String selectors, String options, String body) {
        String messageId = "uuid:" + UUID.randomUUID();
        String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<env:Envelope xmlns:env=\"" + SOAP_NS + "\" xmlns:a=\"" + ADDRESSING_NS + "\""
                + " xmlns:w=\"" + WSMAN_NS + "\" xmlns:rsp=\"" + SHELL_NS + "\">"
                + "<env:Header>"
                + "<a:To>" + endpoint + "</a:To>"
                + "<a:ReplyTo><a:Address mustUnderstand=\"true\">http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>"
                + "<w:MaxEnvelopeSize mustUnderstand=\"true\">" + maxEnvelopeSize + "</w:MaxEnvelopeSize>"
                + "<a:MessageID>" + messageId + "</a:MessageID>"
                + "<w:Locale mustUnderstand=\"false\" xml:lang=\"en-US\"/>"
                + "<w:OperationTimeout>" + operationTimeout + "</w:OperationTimeout>"
                + "<w:ResourceURI mustUnderstand=\"true\">http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd</w:ResourceURI>"
                + "<a:Action mustUnderstand=\"true\">" + action + "</a:Action>"
                + (selectors == null ? "" : selectors)
                + (options == null ? "" : options)
                + "</env:Header><env:Body>" + (body == null ? "" : body) + "</env:Body></env:Envelope>";
        return postRaw(xml.getBytes(StandardCharsets.UTF_8), messageId);
    }

    Response postRaw(byte[] xml, String messageId) {
        HttpRequest.Builder req = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/soap+xml;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(xml));
        if (authorization != null) {
            req.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> r = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r, messageId);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String shellSelector(String shellId) {
        return "<w:SelectorSet><w:Selector Name=\"ShellId\">" + shellId + "</w:Selector></w:SelectorSet>";
    }

    Response create() {
        return post("http://schemas.xmlsoap.org/ws/2004/09/transfer/Create", null,
                "<w:OptionSet><w:Option Name=\"WINRS_NOPROFILE\">FALSE</w:Option>"
                        + "<w:Option Name=\"WINRS_CODEPAGE\">65001</w:Option></w:OptionSet>",
                "<rsp:Shell><rsp:InputStreams>stdin</rsp:InputStreams>"
                        + "<rsp:OutputStreams>stdout stderr</rsp:OutputStreams></rsp:Shell>");
    }

    String openShell() {
        Response r = create();
        if (r.status() != 200) {
            throw new AssertionError("Create failed: " + r.status() + " " + r.text());
        }
        return r.firstElement(WSMAN_NS, "Selector").getTextContent();
    }

    Response command(String shellId, String command, String... arguments) {
        StringBuilder body = new StringBuilder("<rsp:CommandLine><rsp:Command>").append(escape(command))
                .append("</rsp:Command>");
        for (String a : arguments) {
            body.append("<rsp:Arguments>").append(escape(a)).append("</rsp:Arguments>");
        }
        body.append("</rsp:CommandLine>");
        return post(SHELL_NS + "/Command", shellSelector(shellId),
                "<w:OptionSet><w:Option Name=\"WINRS_CONSOLEMODE_STDIN\">TRUE</w:Option>"
                        + "<w:Option Name=\"WINRS_SKIP_CMD_SHELL\">FALSE</w:Option></w:OptionSet>",
                body.toString());
    }

    String startCommand(String shellId, String command, String... arguments) {
        Response r = command(shellId, command, arguments);
        if (r.status() != 200) {
            throw new AssertionError("Command failed: " + r.status() + " " + r.text());
        }
        return r.first(SHELL_NS, "CommandId");
    }

    Response receive(String shellId, String commandId) {
        return post(SHELL_NS + "/Receive", shellSelector(shellId), null,
                "<rsp:Receive><rsp:DesiredStream CommandId=\"" + commandId + "\">stdout stderr</rsp:DesiredStream></rsp:Receive>");
    }

    /** Receives until Done, re-issuing Receive after w:TimedOut as a correct client must. */
    Output receiveAll(String shellId, String commandId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<Response> responses = new ArrayList<>();
        int timeouts = 0;
        for (int i = 0; i < 100_000; i++) {
            Response r = receive(shellId, commandId);
            responses.add(r);
            if (r.status() == 500 && "w:TimedOut".equals(r.faultSubcode())) {
                timeouts++;
                continue;
            }
            if (r.status() != 200) {
                throw new AssertionError("Receive failed: " + r.status() + " " + r.text());
            }
            Document doc = r.xml();
            NodeList streams = doc.getElementsByTagNameNS(SHELL_NS, "Stream");
            for (int s = 0; s < streams.getLength(); s++) {
                Element e = (Element) streams.item(s);
                byte[] bytes = Base64.getDecoder().decode(e.getTextContent().trim());
                ("stdout".equals(e.getAttribute("Name")) ? out : err).writeBytes(bytes);
            }
            Element state = (Element) doc.getElementsByTagNameNS(SHELL_NS, "CommandState").item(0);
            if (state.getAttribute("State").endsWith("/Done")) {
                long exit = Long.parseLong(doc.getElementsByTagNameNS(SHELL_NS, "ExitCode").item(0).getTextContent());
                return new Output(out.toByteArray(), err.toByteArray(), exit, responses.size() - timeouts, timeouts,
                        responses);
            }
        }
        throw new AssertionError("command never finished");
    }

    Response send(String shellId, String commandId, byte[] stdin, boolean end) {
        return post(SHELL_NS + "/Send", shellSelector(shellId), null,
                "<rsp:Send><rsp:Stream Name=\"stdin\" CommandId=\"" + commandId + "\"" + (end ? " End=\"true\"" : "")
                        + ">" + Base64.getEncoder().encodeToString(stdin) + "</rsp:Stream></rsp:Send>");
    }

    Response signal(String shellId, String commandId, String code) {
        return post(SHELL_NS + "/Signal", shellSelector(shellId), null,
                "<rsp:Signal CommandId=\"" + commandId + "\"><rsp:Code>" + SHELL_NS + "/signal/" + code
                        + "</rsp:Code></rsp:Signal>");
    }

    Response delete(String shellId) {
        return post("http://schemas.xmlsoap.org/ws/2004/09/transfer/Delete", shellSelector(shellId), null, null);
    }

    /** Opens a shell, runs the command to its end, signals and deletes, like a well-behaved client. */
    Output run(String command, String... arguments) {
        String shell = openShell();
        String cmd = startCommand(shell, command, arguments);
        Output out = receiveAll(shell, cmd);
        signal(shell, cmd, "terminate");
        delete(shell);
        return out;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
