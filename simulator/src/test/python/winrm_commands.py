"""What the auth scripts share: one command run the way pywinrm's Session.run_cmd does it.

Imported by pywinrm_ntlm_encrypted.py and pywinrm_gssapi_negotiate.py (they put their own
directory on sys.path: /usr/bin/python3 -I does not).
"""
import base64
import hashlib
import uuid

import xmltodict


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
    """Runs, feeds stdin if given, reads all output, signals; large output is described by length and digest."""
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
