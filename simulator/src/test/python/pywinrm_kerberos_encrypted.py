"""Drive the simulator with Debian's pywinrm over Kerberos with WinRM message encryption.

Run by PywinrmKerberosEncryptionTest with /usr/bin/python3, KRB5_CONFIG naming the test KDC.

Debian's pykerberos 1.1.14 lacks authGSSWinRMEncryptMessage, so requests-kerberos 0.12 reports
winrm_encryption_available = False and pywinrm refuses message_encryption='always' with it. This
script therefore puts in its place the smallest requests auth adapter on python3-gssapi: it does
the HTTP Negotiate handshake (preemptive, mutual authentication required) and offers the two
methods pywinrm's own Encryption class calls, wrap_winrm and unwrap_winrm, as gss_wrap_iov /
gss_unwrap_iov (MIT's Kerberos does all the crypto: RFC 4121 wrap tokens, header separate from
the data, as Windows sends them). pywinrm's Encryption class does the MS-WSMV framing.

Input (stdin, JSON): {"endpoint": URL with host name localhost, "principal": "user@REALM",
  "password": P, "mech": "spnego" or "kerberos", "large_output_command": CMD,
  "operation_timeout_sec": N, "read_timeout_sec": M}
Output (stdout, one JSON document).
"""
import base64
import hashlib
import json
import re
import sys

import gssapi
import gssapi.raw as gss
import requests
import winrm
import winrm.transport
from winrm.exceptions import InvalidCredentialsError, WinRMError

MECHS = {'spnego': gssapi.OID.from_int_seq('1.3.6.1.5.5.2'), 'kerberos': gssapi.OID.from_int_seq('1.2.840.113554.1.2.2')}
CONFIG = {}


class GssapiWinrmAuth(requests.auth.AuthBase):
    """Test-only stand-in for requests-kerberos' HTTPKerberosAuth: Negotiate on python3-gssapi."""
    winrm_encryption_available = True

    def __init__(self, mutual_authentication=None, service='HTTP', delegate=False, force_preemptive=True,
                 principal=None, hostname_override=None, sanitize_mutual_error_response=False, send_cbt=True):
        name = gssapi.Name(principal, gssapi.NameType.user)
        self.creds = gss.acquire_cred_with_password(name, CONFIG['password'].encode('utf-8'), usage='initiate',
                                                    mechs=[MECHS[CONFIG['mech']]]).creds
        self.service = service
        self.context = None

    def __call__(self, request):
        if self.context is None:
            host = re.match(r'https?://([^:/]+)', request.url).group(1)
            target = gssapi.Name(self.service + '@' + host, gssapi.NameType.hostbased_service)
            self.context = gssapi.SecurityContext(name=target, creds=self.creds, usage='initiate',
                                                  mech=MECHS[CONFIG['mech']],
                                                  flags=gssapi.RequirementFlag.mutual_authentication
                                                  | gssapi.RequirementFlag.out_of_sequence_detection
                                                  | gssapi.RequirementFlag.confidentiality
                                                  | gssapi.RequirementFlag.integrity)
            token = self.context.step()
            request.headers['Authorization'] = 'Negotiate ' + base64.b64encode(token).decode('ascii')
            request.register_hook('response', self._mutual_authentication)
        return request

    def _mutual_authentication(self, response, **kwargs):
        if response.status_code == 401:
            return response
        header = response.headers.get('www-authenticate', '')
        match = re.search(r'Negotiate\s+([A-Za-z0-9+/=]+)', header)
        if not match:
            raise WinRMError('no mutual authentication token in the answer (got %r)' % header)
        self.context.step(base64.b64decode(match.group(1)))
        if not self.context.complete:
            raise WinRMError('the security context is not complete after the server token')
        return response

    def wrap_winrm(self, host, message):
        iov = gss.IOV(gss.IOVBufferType.header, message, gss.IOVBufferType.padding, std_layout=False)
        gss.wrap_iov(self.context, iov, confidential=True)
        return iov[1].value + (iov[2].value or b''), iov[0].value

    def unwrap_winrm(self, host, message, header):
        iov = gss.IOV((gss.IOVBufferType.header, False, header), message, (gss.IOVBufferType.data, False, b''),
                      std_layout=False)
        gss.unwrap_iov(self.context, iov)
        return iov[1].value


def run(p, shell_id, command):
    command_id = p.run_command(shell_id, command)
    stdout, stderr, exit_code = p.get_command_output(shell_id, command_id)
    p.cleanup_command(shell_id, command_id)
    result = {'stdout_length': len(stdout), 'stdout_sha256': hashlib.sha256(stdout).hexdigest(),
              'stderr': stderr.decode('utf-8', errors='replace'), 'exit_code': exit_code}
    if len(stdout) <= 4096:
        result['stdout'] = stdout.decode('utf-8', errors='replace')
    return result


def protocol(config):
    return winrm.Protocol(endpoint=config['endpoint'], transport='kerberos', username=config['principal'],
                          message_encryption='always', operation_timeout_sec=config['operation_timeout_sec'],
                          read_timeout_sec=config['read_timeout_sec'])


def main():
    CONFIG.update(json.load(sys.stdin))
    winrm.transport.HTTPKerberosAuth = GssapiWinrmAuth
    winrm.transport.HAVE_KERBEROS = True

    p = protocol(CONFIG)
    shell_id = p.open_shell(codepage=65001)
    result = {'encrypted': p.transport.encryption is not None, 'commands': [
        run(p, shell_id, 'echo kerberos-sealed'),
        run(p, shell_id, 'echo out-line && echo err-line 1>&2 && exit 5'),
        run(p, shell_id, CONFIG['large_output_command']),
    ]}
    p.close_shell(shell_id)
    json.dump(result, sys.stdout, indent=1)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
