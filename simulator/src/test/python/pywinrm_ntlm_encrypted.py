"""Drive the simulator with Debian's pywinrm over NTLM with WinRM message encryption.

Run by PywinrmNtlmEncryptionTest with /usr/bin/python3. pywinrm + requests-ntlm + ntlm-auth are
an NTLM client and an MS-WSMV 2.2.9.1 encryption implementation nobody on this project wrote: if
they log on, seal every request, and read sealed answers (including bodies larger than 16 KiB in
both directions), the simulator's acceptor and sealing agree with them.

Input (stdin, JSON, so the password never appears in argv):
  {"endpoint": URL, "user": U, "password": P, "other_user_forms": [U2, ...],
   "ca_file": PEM or null, "operation_timeout_sec": N, "read_timeout_sec": M}
Output (stdout, one JSON document); an unexpected error is a traceback and a non-zero status.
"""
import json
import os
import sys

import winrm
from winrm.exceptions import InvalidCredentialsError, WinRMError, WinRMTransportError

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from winrm_commands import run  # noqa: E402


def protocol(config, user=None, password=None, message_encryption='always'):
    kwargs = {}
    if config.get('ca_file'):
        kwargs['server_cert_validation'] = 'validate'
        kwargs['ca_trust_path'] = config['ca_file']
    return winrm.Protocol(
        endpoint=config['endpoint'],
        transport='ntlm',
        username=config['user'] if user is None else user,
        password=config['password'] if password is None else password,
        message_encryption=message_encryption,
        operation_timeout_sec=config['operation_timeout_sec'],
        read_timeout_sec=config['read_timeout_sec'],
        **kwargs)




def error_of(action):
    try:
        action()
    except (WinRMError, WinRMTransportError) as e:
        return {'type': type(e).__name__, 'message': str(e)}
    return None


def main():
    config = json.load(sys.stdin)
    result = {}

    p = protocol(config)
    shell_id = p.open_shell(codepage=65001)
    result['encrypted'] = p.transport.encryption is not None
    result['commands'] = [
        run(p, shell_id, 'echo sealed-hello'),
        run(p, shell_id, 'echo out-line && echo err-line 1>&2 && exit 7'),
        # an answer far larger than 16 KiB, sealed as one part
        run(p, shell_id, config['large_output_command']),
        # a request larger than 16 KiB: the stdin of cat, echoed back
        run(p, shell_id, 'cat', stdin=config['large_stdin'].encode('ascii')),
    ]
    p.close_shell(shell_id)

    result['other_user_forms'] = {}
    for user in config.get('other_user_forms', []):
        q = protocol(config, user=user)
        s = q.open_shell(codepage=65001)
        result['other_user_forms'][user] = run(q, s, 'echo as-' + 'other')
        q.close_shell(s)

    # AllowUnencrypted=false: NTLM logs on, then a clear SOAP body is refused
    result['unencrypted'] = error_of(lambda: protocol(config, message_encryption='never').open_shell())
    result['wrong_password'] = error_of(lambda: protocol(config, password='not-the-password').open_shell())
    json.dump(result, sys.stdout, indent=1)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
