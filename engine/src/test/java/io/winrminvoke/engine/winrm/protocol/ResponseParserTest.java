package io.winrminvoke.engine.winrm.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.engine.winrm.FailureKind;
import io.winrminvoke.engine.winrm.WinRmException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The parser reads what real Windows hosts answer (recordings shipped by pywinrm and masterzen/winrm). */
class ResponseParserTest {

    private static SoapResponse parse(String xml) throws WinRmException {
        return ResponseParser.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void createResponseYieldsTheShellIdAndRelatesTo() throws Exception {
        SoapResponse response = parse(RecordedWindowsMessages.pywinrm("open_shell_response"));

        assertThat(response.isFault()).isFalse();
        assertThat(response.action()).isEqualTo(WsmanAction.CREATE.responseUri());
        assertThat(response.relatesTo()).isEqualTo("uuid:11111111-1111-1111-1111-111111111111");
        assertThat(response.shellId()).isEqualTo("11111111-1111-1111-1111-111111111113");
    }

    @Test
    void newerWindowsCreateResponseWithShellBlockYieldsTheSameShellId() throws Exception {
        SoapResponse response = parse(RecordedWindowsMessages.masterzen("createShellResponse"));

        assertThat(response.shellId()).isEqualTo("67A74734-DD32-4F10-89DE-49A060483810");
    }

    @Test
    void commandResponseYieldsTheCommandId() throws Exception {
        SoapResponse response = parse(RecordedWindowsMessages.pywinrm("run_cmd_response"));

        assertThat(response.action()).isEqualTo(WsmanAction.COMMAND.responseUri());
        assertThat(response.commandId()).isEqualTo("11111111-1111-1111-1111-111111111114");
    }

    @Test
    void receiveResponseYieldsDecodedOutputEndMarkersAndTheExitCode() throws Exception {
        SoapResponse response = parse(RecordedWindowsMessages.pywinrm("get_cmd_output_response"));

        assertThat(response.output()).extracting(OutputChunk::stream)
                .containsExactly("stdout", "stdout", "stdout", "stderr");
        assertThat(new String(response.output().get(0).data(), StandardCharsets.US_ASCII))
                .isEqualTo("\r\nWindows IP Configuration\r\n\r\n");
        assertThat(response.output().get(2).end()).isTrue();
        assertThat(response.output().get(2).data()).isEmpty();
        assertThat(response.output()).allSatisfy(
                chunk -> assertThat(chunk.commandId()).isEqualTo("11111111-1111-1111-1111-111111111114"));
        assertThat(response.commandDone()).isTrue();
        assertThat(response.exitCode()).isZero();
    }

    /** A ReceiveResponse with {@code streams} (already-written rsp:Stream elements or other body content). */
    private static String receiveResponse(String streams) {
        return "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:rsp=\"http://schemas.microsoft.com/wbem/wsman/1/windows/shell\">"
                + "<s:Body><rsp:ReceiveResponse>" + streams
                + "<rsp:CommandState CommandId=\"C\" State=\"http://schemas.microsoft.com/wbem/wsman/1/windows/shell/CommandState/Done\">"
                + "<rsp:ExitCode>0</rsp:ExitCode></rsp:CommandState></rsp:ReceiveResponse></s:Body></s:Envelope>";
    }

    private static String base64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static java.util.List<String> texts(SoapResponse response) {
        return response.output().stream().map(c -> c.stream() + ":" + new String(c.data(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void streamContentWithEntitiesLineBreaksOrCdataDecodesAsPlainContentDoes() throws Exception {
        String b = base64("hello world\r\n");
        SoapResponse response = parse(receiveResponse(
                "<rsp:Stream Name=\"stdout\" CommandId=\"C\">" + b.substring(0, 4) + "&#13;&#10;" + b.substring(4) + "</rsp:Stream>"
                + "<rsp:Stream Name=\"stdout\" CommandId=\"C\"><![CDATA[" + base64("cdata") + "]]></rsp:Stream>"
                + "<rsp:Stream Name=\"stderr\" CommandId=\"C\">" + b.substring(0, 8) + "\r\n" + b.substring(8) + "</rsp:Stream>"
                + "<rsp:Stream Name=\"stdout\" CommandId=\"C\" End=\"true\"/>"));

        assertThat(texts(response)).containsExactly("stdout:hello world\r\n", "stdout:cdata",
                "stderr:hello world\r\n", "stdout:");
        assertThat(response.output().get(3).end()).isTrue();
    }

    @Test
    void streamLookalikesInCommentsOtherNamespacesAndAttributesDoNotShiftTheOutput() throws Exception {
        SoapResponse response = parse(receiveResponse(
                "<!-- <rsp:Stream Name=\"stdout\">" + base64("not output") + "</rsp:Stream> -->"
                + "<x:Stream xmlns:x=\"urn:other\">" + base64("other namespace") + "</x:Stream>"
                + "<rsp:Stream Name=\"stdout\" CommandId=\"C\" Note=\"a > b\">" + base64("first") + "</rsp:Stream>"
                + "<Stream xmlns=\"http://schemas.microsoft.com/wbem/wsman/1/windows/shell\" Name=\"stderr\">"
                + base64("default namespace") + "</Stream>"));

        assertThat(texts(response)).containsExactly("stdout:first", "stderr:default namespace");
    }

    @Test
    void streamContentThatIsNotBase64IsAProtocolError() {
        assertThatThrownBy(() -> parse(receiveResponse("<rsp:Stream Name=\"stdout\">QUJD=QUJD</rsp:Stream>")))
                .isInstanceOfSatisfying(WinRmException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.PROTOCOL_ERROR));
    }

    @Test
    void operationTimeoutFaultIsRecognisedWithItsWindowsCode() throws Exception {
        SoapResponse response = parse(RecordedWindowsMessages.masterzen("operationTimeoutResponse"));

        assertThat(response.isFault()).isTrue();
        assertThat(response.fault().subcode()).isEqualTo("TimedOut");
        assertThat(response.fault().wsmanCode()).isEqualTo(WsmanFault.TIMED_OUT_CODE);
        assertThat(response.fault().isOperationTimeout()).isTrue();
        assertThat(response.fault().isQuotaLimit()).isFalse();
        assertThat(response.relatesTo()).isEqualTo("uuid:e54190b3-e060-4b5c-4779-b63ab4963bac");
    }

    @Test
    void quotaFaultMapsToQuotaExceededAndOthersToProtocolError() throws Exception {
        String quota = fault("w:QuotaLimit", 2150859173L, "The WS-Management service cannot process the request."
                + " This user is allowed a maximum number of 30 concurrent shells, which has been exceeded.");
        String selectors = fault("w:InvalidSelectors", 2150858843L, "The request for the Windows Remote Shell"
                + " with ShellId 1234 failed because the shell was not found on the server.");

        WsmanFault quotaFault = parse(quota).fault();
        WsmanFault selectorFault = parse(selectors).fault();

        assertThat(quotaFault.failureKind()).isEqualTo(FailureKind.QUOTA_EXCEEDED);
        assertThat(selectorFault.failureKind()).isEqualTo(FailureKind.PROTOCOL_ERROR);
        assertThat(selectorFault.describe())
                .isEqualTo("WS-Management fault InvalidSelectors (WSManFault code 2150858843): The request for the"
                        + " Windows Remote Shell with ShellId 1234 failed because the shell was not found on the server.");
    }

    @Test
    void negativeExitCodeWrittenUnsignedComesBackNegative() throws Exception {
        String xml = RecordedWindowsMessages.pywinrm("get_cmd_output_response")
                .replace("<rsp:ExitCode>0</rsp:ExitCode>", "<rsp:ExitCode>4294967295</rsp:ExitCode>");

        assertThat(parse(xml).exitCode()).isEqualTo(-1);
    }

    @Test
    void somethingThatIsNotAnEnvelopeIsAProtocolError() {
        assertThatThrownBy(() -> parse("<html><body>Bad gateway</body></html>"))
                .isInstanceOf(WinRmException.class)
                .extracting(e -> ((WinRmException) e).kind()).isEqualTo(FailureKind.PROTOCOL_ERROR);
        assertThatThrownBy(() -> parse("not xml at all"))
                .isInstanceOf(WinRmException.class);
    }

    @Test
    void documentTypeDeclarationsAreRefused() {
        String withEntity = "<?xml version=\"1.0\"?><!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<s:Envelope xmlns:s=\"" + Namespaces.SOAP + "\"><s:Body>&x;</s:Body></s:Envelope>";

        assertThatThrownBy(() -> parse(withEntity)).isInstanceOf(WinRmException.class);
    }

    /** A fault shaped like Windows' (see the recorded TimedOut fault), with another subcode. */
    private static String fault(String subcode, long code, String message) {
        return RecordedWindowsMessages.masterzen("operationTimeoutResponse")
                .replace("w:TimedOut", subcode)
                .replace("2150858793", Long.toString(code))
                .replaceAll("<f:Message>[^<]*</f:Message>", "<f:Message>" + message + "</f:Message>");
    }
}
