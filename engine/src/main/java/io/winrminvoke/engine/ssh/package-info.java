/**
 * The SSH transport's settings ({@link io.winrminvoke.engine.ssh.SshConnectionSettings},
 * {@link io.winrminvoke.engine.ssh.SshSettings}, {@link io.winrminvoke.engine.ssh.SshPrivateKey}) and
 * its only entry point, {@link io.winrminvoke.engine.ssh.SshClients#connect}, which returns the
 * same client contract as WinRM ({@code WinRsClient}, {@code RemoteCommand}), so the fan-out,
 * timeouts, retries, cancellation, output and reports treat both transports alike.
 *
 * <p>The implementation ({@code client}) runs on sshj; no sshj or Bouncy Castle type appears
 * here. docs/ssh.md explains the choices.
 */
package io.winrminvoke.engine.ssh;
