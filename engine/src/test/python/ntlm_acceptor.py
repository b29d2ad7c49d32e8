"""An NTLM acceptor nobody on this project wrote: Debian's gss-ntlmssp through python3-gssapi.

Run by GssNtlmsspAcceptorTest with the system /usr/bin/python3. The accounts it accepts come
from the file named by NTLM_USER_FILE (lines DOMAIN:user:password), read by gss-ntlmssp itself.

Argument: optional base64 application data of the TLS channel binding (RFC 5929
tls-server-end-point), given to the acceptor as gss_channel_bindings.

One request a line on stdin, one answer a line on stdout, binary data in base64:
  step <token>     ->  token <token> | done (established, nothing to send) | error <message>
  wrap <data>      ->  wrapped <gss_wrap output, exactly as gss-ntlmssp returns it>
  unwrap <token>   ->  plain <data> | error <message>
The first line out is "ready", or "error <message>" when the mechanism cannot be used.
"""
import base64
import sys


def say(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main():
    try:
        import gssapi
        import gssapi.raw
    except ImportError as e:
        say("error python3-gssapi is not usable: %s" % e)
        return 1
    ntlm = gssapi.OID.from_int_seq("1.3.6.1.4.1.311.2.2.10")
    if ntlm not in gssapi.raw.indicate_mechs():
        say("error the NTLM GSSAPI mechanism is not installed (gss-ntlmssp)")
        return 1

    bindings = None
    if len(sys.argv) > 1:
        bindings = gssapi.raw.ChannelBindings(application_data=base64.b64decode(sys.argv[1]))
    creds = gssapi.Credentials(usage="accept", mechs=[ntlm])
    context = gssapi.SecurityContext(creds=creds, usage="accept", channel_bindings=bindings)
    say("ready")

    for line in sys.stdin:
        verb, _, argument = line.strip().partition(" ")
        data = base64.b64decode(argument) if argument else b""
        try:
            if verb == "step":
                out = context.step(data)
                say("token " + base64.b64encode(out).decode() if out else "done")
            elif verb == "wrap":
                say("wrapped " + base64.b64encode(context.wrap(data, True).message).decode())
            elif verb == "unwrap":
                say("plain " + base64.b64encode(context.unwrap(data).message).decode())
            else:
                say("error unknown request " + verb)
        except gssapi.exceptions.GSSError as e:
            say("error " + " ".join(str(e).split()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
