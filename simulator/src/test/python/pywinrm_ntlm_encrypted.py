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
import base64
import hashlib
import json
import sys
import uuid

import xmltodict

import winrm
from winrm.exceptions import InvalidCredentialsError, WinRMError


def protocol(config, user=None, password=None):
    kwargs = {}
    if config.get('ca_file'):
        kwargs['server_cert_validation'] = 'validate'
        kwargs['ca_trust_path'] = config['ca_file']
    return winrm.Protocol(
        endpoint=config['endpoint'],
        transport='ntlm',
        username=config['user'] if user is None else user,
        password=config['password'] if password is None else password,
        message_encryption=config.get('message_encryption', 'always'),
        operation_timeout_sec=config['operation_timeout_sec'],
        read_timeout_sec=config['read_timeout_sec'],
        **kwargs)


def send_stdin(p, shell_id, command_id, data):
    """A Send request built from pywinrm's own SOAP header (pywinrm 0.3.0 has no send_command_input)."""
    req = {'env:Envelope': p._get_soap_header(
        resource_uri='http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd',
        action='http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Send',
        shell_id=shell_id, message_id=uuid.uuid4())}
    stream = req['env:Envelope'].setdefault('env:Body', {}).setdefault('rsp:Send', {}).setdefault('rsp:Stream', {})
    stream['@Name'] = 'stdin'
    stream['@CommandId'] = command_id
    stream['@End'] = 'true'
    stream['#text'] = base64.b64encode(data).decode('ascii')
    p.send_message(xmltodict.unparse(req))


def run(p, shell_id, command, stdin=None):
    command_id = p.run_command(shell_id, command)
    if stdin is not None:
        send_stdin(p, shell_id, command_id, stdin)
    stdout, stderr, exit_code = p.get_command_output(shell_id, command_id)
    p.cleanup_command(shell_id, command_id)
    result = {'stdout_length': len(stdout), 'stdout_sha256': hashlib.sha256(stdout).hexdigest(),
              'stderr': stderr.decode('utf-8', errors='replace'), 'exit_code': exit_code}
    if len(stdout) <= 4096:
        result['stdout'] = stdout.decode('utf-8', errors='replace')
    return result


def error_of(action):
    try:
        action()
    except (WinRMError, InvalidCredentialsError) as e:
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

    result['wrong_password'] = error_of(lambda: protocol(config, password='not-the-password').open_shell())
    json.dump(result, sys.stdout, indent=1)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
