"""Drive the simulator with Debian's pywinrm over Negotiate (GSS-API) with WinRM message encryption.

Run with /usr/bin/python3 by PywinrmKerberosEncryptionTest (KRB5_CONFIG naming the test KDC) and
by PywinrmSpnegoNtlmTest ("mech": "ntlm": MIT's SPNEGO with Debian's gss-ntlmssp, so NTLM comes
wrapped in SPNEGO with a mechListMIC, as Windows clients send it).

Debian's pykerberos 1.1.14 lacks authGSSWinRMEncryptMessage, so requests-kerberos 0.12 reports
winrm_encryption_available = False and pywinrm refuses message_encryption='always' with it. This
script therefore puts in its place the smallest requests auth adapter on python3-gssapi: it does
the HTTP Negotiate handshake (preemptive, mutual authentication required) and offers the two
methods pywinrm's own Encryption class calls, wrap_winrm and unwrap_winrm, as gss_wrap_iov /
gss_unwrap_iov (MIT's Kerberos does all the crypto: RFC 4121 wrap tokens, header separate from
the data, as Windows sends them). pywinrm's Encryption class does the MS-WSMV framing.

Over HTTPS the adapter can bind the context to the TLS channel: "cbt": "right" hashes the
certificate the server presents (tls-server-end-point, RFC 5929, SHA-256 for this certificate),
"wrong" binds to a hash of something else, "none" sends no bindings.

Input (stdin, JSON): {"principal": "user@REALM", "password": P, "large_output_command": CMD,
  "sessions": [{"name": N, "endpoint": URL with host name localhost, "mech": "spnego", "kerberos" or "ntlm",
                "message_encryption": "always" or "auto", "cbt": "none"|"right"|"wrong", "ca_file": PEM or null}]}
Output (stdout, JSON): {N: {"encrypted": bool, "commands": [...]} or {"error": TYPE, "message": M}}.
"""
import base64
import hashlib
import json
import os
import re
import ssl
import sys
import urllib.parse

import gssapi
import gssapi.raw as gss
import requests
import winrm
import winrm.transport
from winrm.exceptions import InvalidCredentialsError, WinRMError

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from winrm_commands import run  # noqa: E402

SPNEGO = gssapi.OID.from_int_seq('1.3.6.1.5.5.2')
NTLM = gssapi.OID.from_int_seq('1.3.6.1.4.1.311.2.2.10')
MECHS = {'spnego': SPNEGO, 'kerberos': gssapi.OID.from_int_seq('1.2.840.113554.1.2.2'), 'ntlm': SPNEGO}
NTLM_SIGNATURE = 16
CONFIG = {}


class GssapiWinrmAuth(requests.auth.AuthBase):
    """Test-only stand-in for requests-kerberos' HTTPKerberosAuth: Negotiate on python3-gssapi."""
    winrm_encryption_available = True

    def __init__(self, mutual_authentication=None, service='HTTP', delegate=False, force_preemptive=True,
                 principal=None, hostname_override=None, sanitize_mutual_error_response=False, send_cbt=True):
        name = gssapi.Name(principal, gssapi.NameType.user)
        self.ntlm = CONFIG['session']['mech'] == 'ntlm'
        self.creds = gss.acquire_cred_with_password(name, CONFIG['password'].encode('utf-8'), usage='initiate',
                                                    mechs=[MECHS[CONFIG['session']['mech']]]).creds
        if self.ntlm:
            gss.set_neg_mechs(self.creds, [NTLM])  # SPNEGO offering NTLM only
        self.service = service
        self.context = None
        self.bindings = None

    def __call__(self, request):
        if self.context is None:
            host = re.match(r'https?://([^:/]+)', request.url).group(1)
            target = gssapi.Name(self.service + '@' + host, gssapi.NameType.hostbased_service)
            self.context = gssapi.SecurityContext(name=target, creds=self.creds, usage='initiate',
                                                  mech=MECHS[CONFIG['session']['mech']],
                                                  flags=gssapi.RequirementFlag.mutual_authentication
                                                  | gssapi.RequirementFlag.out_of_sequence_detection
                                                  | gssapi.RequirementFlag.confidentiality
                                                  | gssapi.RequirementFlag.integrity,
                                                  channel_bindings=channel_bindings(request.url))
            token = self.context.step()
            request.headers['Authorization'] = scheme() + ' ' + base64.b64encode(token).decode('ascii')
            request.register_hook('response', self._handshake)
        return request

    def _mutual_authentication(self, response, **kwargs):
        if response.status_code == 401 or (self.context.complete and self.ntlm):
            return response
        header = response.headers.get('www-authenticate', '')
        match = re.search(scheme() + r'\s+([A-Za-z0-9+/=]+)', header)
        if not match:
            raise WinRMError('no mutual authentication token in the answer (got %r)' % header)
        self.context.step(base64.b64decode(match.group(1)))
        if not self.context.complete:
            raise WinRMError('the security context is not complete after the server token')
        return response

    def _handshake(self, response, **kwargs):
        """NTLM takes a second leg: answer the server's challenge on the same connection."""
        if response.status_code != 401 or self.context.complete:
            return self._mutual_authentication(response, **kwargs)
        match = re.search(r'Negotiate\s+([A-Za-z0-9+/=]+)', response.headers.get('www-authenticate', ''))
        if not match:
            return response
        token = self.context.step(base64.b64decode(match.group(1)))
        response.content
        response.raw.release_conn()
        request = response.request.copy()
        request.headers['Authorization'] = 'Negotiate ' + base64.b64encode(token).decode('ascii')
        again = response.connection.send(request, **kwargs)
        again.history.append(response)
        return self._handshake(again, **kwargs)

    def wrap_winrm(self, host, message):
        if self.ntlm:
            # gss-ntlmssp has no wrap_iov; its wrap token is the 16-byte signature, then the sealed bytes
            token = gss.wrap(self.context, message, True).message
            return token[NTLM_SIGNATURE:], token[:NTLM_SIGNATURE]
        iov = gss.IOV(gss.IOVBufferType.header, message, gss.IOVBufferType.padding, std_layout=False)
        gss.wrap_iov(self.context, iov, confidential=True)
        return iov[1].value + (iov[2].value or b''), iov[0].value

    def unwrap_winrm(self, host, message, header):
        if self.ntlm:
            return gss.unwrap(self.context, header + message).message
        iov = gss.IOV((gss.IOVBufferType.header, False, header), message, (gss.IOVBufferType.data, False, b''),
                      std_layout=False)
        gss.unwrap_iov(self.context, iov)
        return iov[1].value


def scheme():
    """The HTTP scheme: Negotiate, or MS-WSMV's Kerberos scheme when the session says so."""
    return CONFIG['session'].get('scheme', 'Negotiate')


def channel_bindings(url):
    """gss channel bindings for the session's 'cbt' choice, from the certificate the server shows."""
    choice = CONFIG['session'].get('cbt', 'none')
    parts = urllib.parse.urlsplit(url)
    if choice == 'none' or parts.scheme != 'https':
        return None
    if choice == 'right':
        pem = ssl.get_server_certificate((parts.hostname, parts.port))
        digest = hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem)).digest()
    else:
        digest = hashlib.sha256(b'not the certificate of this server').digest()
    return gss.ChannelBindings(application_data=b'tls-server-end-point:' + digest)



def session(s):
    extra = {}
    if s.get('ca_file'):
        extra = {'server_cert_validation': 'validate', 'ca_trust_path': s['ca_file']}
    p = winrm.Protocol(endpoint=s['endpoint'], transport='kerberos', username=s.get('principal', CONFIG['principal']),
                       message_encryption=s['message_encryption'], operation_timeout_sec=20, read_timeout_sec=30,
                       **extra)
    shell_id = p.open_shell(codepage=65001)
    result = {'encrypted': p.transport.encryption is not None, 'commands': [
        run(p, shell_id, 'echo gssapi-sealed'),
        run(p, shell_id, 'echo out-line && echo err-line 1>&2 && exit 5'),
        run(p, shell_id, CONFIG['large_output_command']),
    ]}
    p.close_shell(shell_id)
    return result


def main():
    CONFIG.update(json.load(sys.stdin))
    winrm.transport.HTTPKerberosAuth = GssapiWinrmAuth
    winrm.transport.HAVE_KERBEROS = True
    result = {}
    for s in CONFIG['sessions']:
        CONFIG['session'] = s
        CONFIG['password'] = s.get('password', CONFIG['password'])
        try:
            result[s['name']] = session(s)
        except (WinRMError, InvalidCredentialsError) as e:
            result[s['name']] = {'error': type(e).__name__, 'message': str(e)}
    json.dump(result, sys.stdout, indent=1)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
