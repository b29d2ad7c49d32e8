package io.winrminvoke.engine.winrm.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our requests have the shape of the ones pywinrm sends to real Windows hosts (recorded in its
 * Debian package), element for element by namespace, and carry our settings.
 */
class RequestEnvelopeTest {

    private static final RequestContext CONTEXT = RequestContext.of("http://windows-host:5985/wsman", Duration.ofSeconds(20));
    private static final String SHELL = "11111111-1111-1111-1111-111111111113";
    private static final String COMMAND = "11111111-1111-1111-1111-111111111114";

    @Test
    void createHasPywinrmsElementsAndOurCodepageAndNoProfile() {
        SoapRequest request = new CreateShellRequest(65001, true).toSoap(CONTEXT);
        XmlOutline ours = XmlOutline.of(request.body());
        XmlOutline pywinrm = XmlOutline.of(RecordedWindowsMessages.pywinrm("open_shell_request"));

        assertThat(ours.paths()).containsAll(pywinrm.paths());
        assertThat(ours.texts())
                .containsEntry("/s:Envelope/s:Header/w:OptionSet/w:Option[WINRS_CODEPAGE]", "65001")
                .containsEntry("/s:Envelope/s:Header/w:OptionSet/w:Option[WINRS_NOPROFILE]", "TRUE")
                .containsEntry("/s:Envelope/s:Header/w:MaxEnvelopeSize", "153600")
                .containsEntry("/s:Envelope/s:Header/w:OperationTimeout", "PT20S")
                .containsEntry("/s:Envelope/s:Header/a:To", "http://windows-host:5985/wsman")
                .containsEntry("/s:Envelope/s:Header/a:Action", WsmanAction.CREATE.uri())
                .containsEntry("/s:Envelope/s:Header/a:MessageID", request.messageId());
        assertThat(request.messageId()).matches("uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).contains("xml:lang=\"en-US\"");
    }

    @Test
    void everyRequestGetsItsOwnMessageId() {
        CreateShellRequest create = new CreateShellRequest(65001, true);

        assertThat(create.toSoap(CONTEXT).messageId()).isNotEqualTo(create.toSoap(CONTEXT).messageId());
    }

    @Test
    void commandHasPywinrmsElementsAndTheCommandLine() {
        XmlOutline ours = XmlOutline.of(new CommandRequest(SHELL, "ipconfig", List.of("/all"), false).toSoap(CONTEXT).body());
        XmlOutline pywinrm = XmlOutline.of(RecordedWindowsMessages.pywinrm("run_cmd_with_args_request"));

        assertThat(ours.paths()).containsAll(pywinrm.paths());
        assertThat(ours.texts()).containsAllEntriesOf(withoutMessageId(pywinrm));
    }

    @Test
    void receiveHasPywinrmsElementsAndAsksForBothStreamsOfTheCommand() {
        XmlOutline ours = XmlOutline.of(new ReceiveRequest(SHELL, COMMAND).toSoap(CONTEXT).body());
        XmlOutline pywinrm = XmlOutline.of(RecordedWindowsMessages.pywinrm("get_cmd_output_request"));

        assertThat(ours.paths()).containsAll(pywinrm.paths());
        assertThat(ours.texts()).containsAllEntriesOf(withoutMessageId(pywinrm));
    }

    @Test
    void signalAndDeleteMatchPywinrmsCleanup() {
        XmlOutline signal = XmlOutline.of(new SignalRequest(SHELL, COMMAND, ShellSignal.TERMINATE).toSoap(CONTEXT).body());
        XmlOutline delete = XmlOutline.of(new DeleteShellRequest(SHELL).toSoap(CONTEXT).body());

        assertThat(signal.texts()).containsAllEntriesOf(withoutMessageId(XmlOutline.of(
                RecordedWindowsMessages.pywinrm("cleanup_cmd_request"))));
        assertThat(delete.texts()).containsAllEntriesOf(withoutMessageId(XmlOutline.of(
                RecordedWindowsMessages.pywinrm("close_shell_request"))));
    }

    @Test
    void sendCarriesStdinAsBase64AndMarksTheEnd() {
        byte[] stdin = "こんにちは\n".getBytes(StandardCharsets.UTF_8);
        String xml = new String(new SendRequest(SHELL, COMMAND, stdin, true).toSoap(CONTEXT).body(), StandardCharsets.UTF_8);

        assertThat(xml).contains("Name=\"stdin\"", "End=\"true\"", "CommandId=\"" + COMMAND + "\"",
                java.util.Base64.getEncoder().encodeToString(stdin));
    }

    @Test
    void fractionalOperationTimeoutIsWrittenInSeconds() {
        assertThat(EnvelopeWriter.isoSeconds(Duration.ofMillis(1500))).isEqualTo("PT1.500S");
        assertThat(EnvelopeWriter.isoSeconds(Duration.ofMinutes(3))).isEqualTo("PT180S");
    }

    private static java.util.Map<String, String> withoutMessageId(XmlOutline outline) {
        java.util.Map<String, String> texts = new java.util.LinkedHashMap<>(outline.texts());
        texts.remove("/s:Envelope/s:Header/a:MessageID");
        return texts;
    }
}
