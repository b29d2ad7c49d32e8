package io.winrminvoke.engine.powershell;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The PowerShell program that actually runs on the host (sent as {@code -EncodedCommand}). It
 * sets the session up (no progress records, UTF-8 output without BOM, optionally terminating
 * errors), obtains the {@link ScriptPayload} either from a base64 literal or from stdin, checks
 * that every byte arrived, turns the script into a script block, splats the arguments onto it and
 * maps the outcome to the exit code. Both delivery modes share every line except the one that
 * obtains the payload, so a script behaves the same whichever way it travelled.
 * docs/powershell.md explains each line; a test keeps that document equal to this text.
 */
final class WrapperScript {

    /** The only line that differs between the two modes. */
    private static final String PAYLOAD_PLACEHOLDER = "@PAYLOAD@";
    private static final String LENGTH_PLACEHOLDER = "@LENGTH@";
    private static final String STOP_PLACEHOLDER = "@STOP@\n";

    static final String ERROR_ACTION_STOP_LINE = "$ErrorActionPreference = 'Stop'\n";

    // $global:LASTEXITCODE starts at 0 so "no native command ran" exits 0.
    // exit inside the script (even in a function or nested script block) ends the process with
    // that code at once: try/catch does not catch it, so the last line is not reached.
    // An uncaught terminating error lands in catch: its text goes to the host's error stream
    // (plain text, or a CLIXML error record when PowerShell serialises stderr), exit code 1.
    private static final String TEMPLATE = """
            # winrm-invoke wrapper, see docs/powershell.md
            $ProgressPreference = 'SilentlyContinue'
            try { [Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false } catch { }
            $OutputEncoding = New-Object System.Text.UTF8Encoding $false
            @STOP@
            $global:LASTEXITCODE = 0
            try {
                $__wiPayload = @PAYLOAD@
                if ($__wiPayload.Length -ne @LENGTH@) { throw "winrm-invoke: received $($__wiPayload.Length) of @LENGTH@ script bytes" }
                $__wiUtf8 = New-Object System.Text.UTF8Encoding $false, $true
                $__wiEnd = [Array]::IndexOf($__wiPayload, [byte]10)
                $__wiParameters = @{}
                foreach ($__wiPair in $__wiUtf8.GetString($__wiPayload, 0, $__wiEnd).Split(';')) {
                    if ($__wiPair) {
                        $__wiName, $__wiValue = $__wiPair.Split(':')
                        $__wiParameters[$__wiName] = $__wiUtf8.GetString([Convert]::FromBase64String($__wiValue))
                    }
                }
                $__wiScript = $__wiUtf8.GetString($__wiPayload, $__wiEnd + 1, $__wiPayload.Length - $__wiEnd - 1)
                & ([ScriptBlock]::Create($__wiScript)) @__wiParameters
            } catch {
                $Host.UI.WriteErrorLine($_.ToString() + [Environment]::NewLine + $_.InvocationInfo.PositionMessage)
                exit 1
            }
            exit [int]$global:LASTEXITCODE
            """;

    /** Reads the base64 lines written to stdin; {@code $input} enumerates them as text. */
    static final String FROM_STDIN = "[Convert]::FromBase64String((@($input) -join ''))";

    private WrapperScript() {
    }

    /** The wrapper carrying the payload inside itself. */
    static String inline(byte[] payload, boolean errorActionStop) {
        String literal = "[Convert]::FromBase64String('" + Base64.getEncoder().encodeToString(payload) + "')";
        return render(literal, payload.length, errorActionStop);
    }

    /** The wrapper reading the payload from stdin, where {@link #stdinBytes} sent it. */
    static String stdinBootstrap(int payloadLength, boolean errorActionStop) {
        return render(FROM_STDIN, payloadLength, errorActionStop);
    }

    /**
     * The payload as written to stdin: base64 in CRLF-terminated lines of 76 characters. ASCII
     * survives any console codepage and line-ending translation, and .NET's base64 decoder skips
     * the line breaks, so the bytes the script block is built from are exactly the ones sent.
     */
    static byte[] stdinBytes(byte[] payload) {
        String lines = Base64.getMimeEncoder().encodeToString(payload) + "\r\n";
        return lines.getBytes(StandardCharsets.US_ASCII);
    }

    private static String render(String payloadExpression, int payloadLength, boolean errorActionStop) {
        return TEMPLATE
                .replace(STOP_PLACEHOLDER, errorActionStop ? ERROR_ACTION_STOP_LINE : "")
                .replace(LENGTH_PLACEHOLDER, Integer.toString(payloadLength))
                .replace(PAYLOAD_PLACEHOLDER, payloadExpression);
    }
}
