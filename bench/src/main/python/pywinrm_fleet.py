"""The pywinrm side of the benchmark: one command on every host of an inventory, as pywinrm's
users fan out (a thread pool, one Session per host, Session.run_cmd).

Usage: /usr/bin/python3 pywinrm_fleet.py INVENTORY THROTTLE USER COMMAND
The password comes from the environment variable BENCH_PASSWORD (never argv).
Prints one line: "<hosts> hosts: <ok> succeeded, <failed> failed, <bytes> output bytes".
Exit status 0 when every host ran the command with exit code 0, else 1.
"""
import concurrent.futures
import os
import sys

import winrm


def run_on(target, user, password, command):
    try:
        response = winrm.Session(target, auth=(user, password)).run_cmd(command)
        return response.status_code == 0, len(response.std_out) + len(response.std_err), None
    except Exception as e:  # a host's failure is a result, as pywinrm users count it
        return False, 0, "%s: %s" % (target, e)


def main():
    inventory, throttle, user, command = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    password = os.environ["BENCH_PASSWORD"]
    with open(inventory, encoding="utf-8") as f:
        hosts = [line.strip() for line in f if line.strip()]
    ok = failed = output = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=throttle) as pool:
        for succeeded, size, error in pool.map(lambda h: run_on(h, user, password, command), hosts):
            output += size
            if succeeded:
                ok += 1
            else:
                failed += 1
                if error:
                    print(error, file=sys.stderr)
    print("%d hosts: %d succeeded, %d failed, %d output bytes" % (len(hosts), ok, failed, output))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
