/**
 * The WinRS client contract ({@link io.winrminvoke.engine.winrm.WinRsClient},
 * {@link io.winrminvoke.engine.winrm.RemoteCommand}, ...) and its only entry point,
 * {@link io.winrminvoke.engine.winrm.WinRsClients#connect}.
 *
 * <p>The implementation keeps pywinrm's three seams, each in its own package:
 * {@code transport} (HTTP(S) with Apache HttpClient 5: pooled keep-alive connections, Basic
 * credentials on every request, per-client TLS trust, failures mapped to
 * {@link io.winrminvoke.engine.winrm.FailureKind}), {@code protocol} (one type per WS-Management
 * message, written and read with the JDK's StAX) and {@code session} (the shell's life: Create,
 * Command, Send, Receive re-issued through TimedOut faults, then Signal terminate and Delete).
 * No HTTP or XML type appears here.
 */
package io.winrminvoke.engine.winrm;
