package io.winrminvoke.engine.winrm.transport.auth;

/**
 * One sealed message as MS-WSMV 2.2.9.1 frames it: the mechanism's signature (for NTLM the
 * 16-byte NTLMSSP_MESSAGE_SIGNATURE, for Kerberos the wrap token's header) kept apart from the
 * encrypted bytes, which are as long as the plaintext.
 */
public record SealedMessage(byte[] signature, byte[] encrypted) {
}
