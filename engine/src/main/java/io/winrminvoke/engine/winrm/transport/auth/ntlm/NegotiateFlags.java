package io.winrminvoke.engine.winrm.transport.auth.ntlm;

import java.util.List;
import java.util.Optional;

/**
 * The NEGOTIATE flags (MS-NLMP 2.2.2.5) this client asks for or checks. The client never asks
 * for LM, NTLMv1-only session security, 40/56-bit keys or anonymous logon.
 */
final class NegotiateFlags {

    static final int UNICODE = 0x00000001;
    static final int REQUEST_TARGET = 0x00000004;
    static final int SIGN = 0x00000010;
    static final int SEAL = 0x00000020;
    static final int NTLM = 0x00000200;
    static final int ALWAYS_SIGN = 0x00008000;
    static final int EXTENDED_SESSION_SECURITY = 0x00080000;
    static final int TARGET_INFO = 0x00800000;
    static final int VERSION = 0x02000000;
    static final int NEGOTIATE_128 = 0x20000000;
    static final int KEY_EXCHANGE = 0x40000000;

    /** What the client offers in NEGOTIATE; the same set is what it requires of the host. */
    static final int CLIENT = UNICODE | REQUEST_TARGET | SIGN | SEAL | NTLM | ALWAYS_SIGN
            | EXTENDED_SESSION_SECURITY | NEGOTIATE_128 | KEY_EXCHANGE;

    /** What the host must grant, in the order a refusal names them, with the words it uses. */
    private record Requirement(int flag, String refusal) {
    }

    private static final List<Requirement> REQUIRED = List.of(
            new Requirement(EXTENDED_SESSION_SECURITY,
                    "does not offer extended session security (it would fall back to NTLMv1/LM session keys)"),
            new Requirement(NEGOTIATE_128, "does not offer 128-bit keys (only 40/56-bit)"),
            new Requirement(KEY_EXCHANGE, "lacks key exchange"),
            new Requirement(SEAL, "lacks sealing"),
            new Requirement(SIGN, "lacks signing"),
            new Requirement(UNICODE, "lacks Unicode"));

    private NegotiateFlags() {
    }

    /** Why the host's flags are weaker than this client accepts, or empty when they are not. */
    static Optional<String> refusal(int hostFlags) {
        return REQUIRED.stream().filter(r -> !has(hostFlags, r.flag()))
                .map(r -> "the host's NTLM challenge " + r.refusal() + ", which this client requires; refused")
                .findFirst();
    }

    static boolean has(int flags, int flag) {
        return (flags & flag) == flag;
    }
}
