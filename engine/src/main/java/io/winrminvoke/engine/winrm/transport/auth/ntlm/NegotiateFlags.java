package io.winrminvoke.engine.winrm.transport.auth.ntlm;

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

    private NegotiateFlags() {
    }

    static boolean has(int flags, int flag) {
        return (flags & flag) == flag;
    }
}
