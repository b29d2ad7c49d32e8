"""pywinrm over HTTPS with NTLM, with and without channel binding tokens (requests-ntlm's send_cbt).

Run by PywinrmNtlmChannelBindingTest with /usr/bin/python3. requests-ntlm hashes the server
certificate it was shown (tls-server-end-point, RFC 5929) into NTLM's MsvAvChannelBindings.

Input (stdin, JSON): {"user": U, "password": P, "ca_file": PEM,
  "cases": [{"name": N, "endpoint": URL, "send_cbt": bool}, ...]}
Output (stdout, JSON): {N: {"stdout": ..., "encrypted": bool} or {"error": TYPE, "message": M}}
"""
import json
import sys

import winrm
from winrm.exceptions import InvalidCredentialsError, WinRMError


def main():
    config = json.load(sys.stdin)
    result = {}
    for case in config['cases']:
        p = winrm.Protocol(endpoint=case['endpoint'], transport='ntlm', username=config['user'],
                           password=config['password'], server_cert_validation='validate',
                           ca_trust_path=config['ca_file'], send_cbt=case['send_cbt'],
                           operation_timeout_sec=20, read_timeout_sec=30)
        try:
            shell_id = p.open_shell(codepage=65001)
            command_id = p.run_command(shell_id, 'echo cbt-ok')
            stdout, _, code = p.get_command_output(shell_id, command_id)
            p.cleanup_command(shell_id, command_id)
            p.close_shell(shell_id)
            result[case['name']] = {'stdout': stdout.decode('utf-8'), 'exit_code': code,
                                    'encrypted': p.transport.encryption is not None}
        except (WinRMError, InvalidCredentialsError) as e:
            result[case['name']] = {'error': type(e).__name__, 'message': str(e)}
    json.dump(result, sys.stdout, indent=1)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
