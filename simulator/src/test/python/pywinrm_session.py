"""Drive WinRM endpoints with Debian's pywinrm (winrm.Protocol) and print what it saw as JSON.

Run by PywinrmAgainstSimulatorTest with the system /usr/bin/python3. pywinrm is a client nobody
on this project wrote: if it can open a shell on the simulator, run commands, read their output
and exit codes, wait through w:TimedOut faults and clean up, the simulator speaks WinRS the way
pywinrm expects Windows to.

Input (stdin, JSON, so the password never appears in argv):
  {"default_endpoint": URL, "silent_endpoint": URL, "bytes_endpoint": URL, "bulk_endpoint": URL,
   "user": U, "password": P, "operation_timeout_sec": N, "read_timeout_sec": M}
Output (stdout, one JSON document). Any unexpected error ends the script with a traceback on
stderr and a non-zero status, which fails the Java test with that traceback.
"""
import base64
import hashlib
import json
import sys
import time

import winrm
from winrm.exceptions import InvalidCredentialsError, WinRMError


def protocol(config, endpoint, password=None):
    return winrm.Protocol(
        endpoint=endpoint,
        transport='plaintext',
        username=config['user'],
        password=config['password'] if password is None else password,
        operation_timeout_sec=config['operation_timeout_sec'],
        read_timeout_sec=config['read_timeout_sec'])


def run(p, shell_id, command, arguments=()):
    """One command the way pywinrm's own Session.run_cmd does it: run, read all, clean up."""
    started = time.monotonic()
    command_id = p.run_command(shell_id, command, arguments)
    stdout, stderr, exit_code = p.get_command_output(shell_id, command_id)
    p.cleanup_command(shell_id, command_id)
    result = {
        'command_id': command_id,
        'stdout_length': len(stdout),
        'stdout_sha256': hashlib.sha256(stdout).hexdigest(),
        'stderr': stderr.decode('utf-8', errors='replace'),
        'exit_code': exit_code,
        'seconds': round(time.monotonic() - started, 3),
    }
    if len(stdout) <= 4096:  # huge output is described by length and digest only
        result['stdout'] = stdout.decode('utf-8', errors='replace')
        result['stdout_base64'] = base64.b64encode(stdout).decode('ascii')
    return result


def one_command_session(config, endpoint_key, command):
    p = protocol(config, config[endpoint_key])
    shell_id = p.open_shell(codepage=65001)
    outcome = run(p, shell_id, command)
    p.close_shell(shell_id)
    return {'shell_id': shell_id, 'commands': [outcome]}


def error_of(action):
    """What pywinrm raised for an action expected to fail: its type and message."""
    try:
        action()
    except (WinRMError, InvalidCredentialsError) as e:
        return {'type': type(e).__name__, 'message': str(e)}
    return None


def main():
    config = json.load(sys.stdin)
    result = {}

    # the default host runs the command line under /bin/sh (the simulator's stand-in for cmd.exe)
    p = protocol(config, config['default_endpoint'])
    shell_id = p.open_shell(codepage=65001)
    with_arguments = run(p, shell_id, 'echo', ['pywinrm', 'was', 'here'])
    with_stderr_and_exit_code = run(p, shell_id, 'echo out-line && echo err-line 1>&2 && exit 7')
    p.close_shell(shell_id)
    result['default'] = {
        'shell_id': shell_id,
        'commands': [with_arguments, with_stderr_and_exit_code],
        # a command of a deleted shell: Windows answers with the w:InvalidSelectors fault
        'receive_after_close': error_of(
            lambda: p.get_command_output(shell_id, with_arguments['command_id'])),
    }

    # the silent host's scenario stays quiet far longer than the OperationTimeout pywinrm sends
    result['silent'] = one_command_session(config, 'silent_endpoint', 'deploy.cmd')
    # raw bytes (UTF-8 Japanese, bytes that are not UTF-8) must reach pywinrm unchanged
    result['bytes'] = one_command_session(config, 'bytes_endpoint', 'type report.txt')
    # output far larger than pywinrm's MaxEnvelopeSize arrives over many Receives
    result['bulk'] = one_command_session(config, 'bulk_endpoint', 'type big.log')

    result['wrong_password'] = error_of(
        lambda: protocol(config, config['default_endpoint'], password='not-the-password').open_shell())

    json.dump(result, sys.stdout, indent=1)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
