"""Offer the simulator NTLM logons that Windows (hardened) refuses, built with Debian's ntlm-auth.

Run by NtlmRefusalTest with /usr/bin/python3. Each case is one NEGOTIATE / CHALLENGE /
AUTHENTICATE exchange on one connection (an empty POST, as pywinrm's encryption set-up sends):
  v2          NTLMv2 (ntlm_compatibility 3): the control, must be accepted
  v1          NTLMv1 with NTLM2 session security (ntlm_compatibility 1): refused
  lm          LM and NTLMv1 (ntlm_compatibility 0): refused
  bad_mic     NTLMv2 with one bit of the MIC flipped: refused
Input (stdin, JSON): {"endpoint": URL, "user": U, "password": P}
Output (stdout, JSON): {case: final HTTP status}
"""
import base64
import json
import sys

import requests
from ntlm_auth.ntlm import Ntlm


def logon(config, compatibility, tamper_mic=False):
    session = requests.Session()
    context = Ntlm(ntlm_compatibility=compatibility)
    negotiate = context.create_negotiate_message('', 'CLIENT').decode('ascii')
    r = session.post(config['endpoint'], data=b'', headers={'Authorization': 'Negotiate ' + negotiate})
    challenge = r.headers['WWW-Authenticate'].split('Negotiate ', 1)[1].split(',')[0].strip()
    context.parse_challenge_message(challenge)
    authenticate = base64.b64decode(context.create_authenticate_message(config['user'], config['password'], '', 'CLIENT'))
    if tamper_mic:
        authenticate = authenticate[:72] + bytes([authenticate[72] ^ 1]) + authenticate[73:]
    r = session.post(config['endpoint'], data=b'',
                     headers={'Authorization': 'Negotiate ' + base64.b64encode(authenticate).decode('ascii')})
    return r.status_code


def main():
    config = json.load(sys.stdin)
    result = {'v2': logon(config, 3), 'v1': logon(config, 1), 'lm': logon(config, 0),
              'bad_mic': logon(config, 3, tamper_mic=True)}
    json.dump(result, sys.stdout)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
