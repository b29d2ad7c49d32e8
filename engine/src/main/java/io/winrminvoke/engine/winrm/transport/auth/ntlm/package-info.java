/**
 * NTLMv2 for the WinRM client: {@link io.winrminvoke.engine.winrm.transport.auth.ntlm.NtlmContext}
 * (a {@link io.winrminvoke.engine.winrm.transport.auth.SecurityContext}) and
 * {@link io.winrminvoke.engine.winrm.transport.auth.ntlm.NtlmCredentials}; everything else here is
 * package-private, one file per message or concept of MS-NLMP.
 *
 * <h2>Why our own code (library survey, December 2026)</h2>
 * WinRM over HTTP needs the NTLM handshake <em>and</em> GSS_Wrap-style sealing with both
 * directions' keys and sequence numbers. None of the Maven Central candidates offers both:
 * <ul>
 * <li>jcifs-ng ({@code eu.agno3.jcifs:jcifs-ng}, {@code jcifs.smb.NtlmContext}): handshake and
 * signing ({@code calculateMIC}/{@code verifyMIC}) but no sealing; it is built around an SMB
 * {@code CIFSContext} configuration and logs the session keys at debug level.</li>
 * <li>smbj ({@code com.hierynomus:smbj}): NTLM messages only as part of SMB session setup (SMB
 * signs and encrypts with its own keys); no message sealing API.</li>
 * <li>Apache HttpClient 5 ({@code NTLMEngineImpl}): package-private, deprecated, handshake only,
 * no sealing, and falls back to NTLMv1.</li>
 * <li>the JDK's {@code com.sun.security.ntlm}: internal (not exported from {@code java.base}),
 * handshake only, no sealing, no MIC.</li>
 * </ul>
 * So the mechanism is written from MS-NLMP (its section 4.2.4 vectors are unit tests) and
 * cross-checked against Debian's gss-ntlmssp acceptor, an implementation nobody here wrote.
 * MD4 comes from Bouncy Castle's lightweight API ({@code bcprov-jdk18on}); MD5, HMAC-MD5 and RC4
 * from the JDK.
 *
 * <h2>What the client sends and insists on</h2>
 * Raw NTLMSSP tokens (no SPNEGO wrapping), as Windows takes them in
 * {@code Authorization: Negotiate}. NTLMv2 only (never LM or NTLMv1), extended session security,
 * 128-bit keys, key exchange, signing and sealing; a challenge without one of them is refused
 * with an {@link io.winrminvoke.engine.winrm.transport.auth.AuthProtocolException} that says
 * which. When the host's challenge carries MsvAvTimestamp, the AUTHENTICATE message carries a MIC
 * (MsvAvFlags bit 0x2) and a zero LM response; the NTLMv2 blob always carries
 * MsvAvChannelBindings (MD5 of the gss_channel_bindings structure, zeros without TLS) and, when
 * given, MsvAvTargetName = the SPN.
 *
 * <h2>Sealed messages</h2>
 * {@code wrap} returns the 16-byte NTLMSSP_MESSAGE_SIGNATURE (version 1, RC4-encrypted HMAC-MD5
 * checksum, sequence number) apart from the RC4-sealed bytes, which are as long as the
 * plaintext. gss-ntlmssp 1.2.0's {@code gss_wrap} returns the same two parts as one buffer,
 * signature first, which is also the order MS-WSMV 2.2.9.1 frames inside
 * {@code multipart/encrypted}. Each direction has its own keys, keystream and sequence number;
 * {@code unwrap} refuses a message that fails its checksum or arrives out of sequence, and the
 * context is unusable for reading after that (the keystream is out of step).
 */
package io.winrminvoke.engine.winrm.transport.auth.ntlm;
