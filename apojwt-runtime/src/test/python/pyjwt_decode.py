#!/usr/bin/env python3
"""Decodes tokens exactly as apojwt 1.7 does, with PyJWT:

    jwt.decode(token, secret, issuer=iss, audience=server_audience, algorithms=[algorithm])

Reads one JSON object per line on stdin: {"token", "key", "algorithm", "issuer", "audience"};
writes one JSON object per line: {"ok": true, "payload": {...}} or {"ok": false, "error": "Name"}.
Used by ApoJwt17CompatibilityTest to prove that tokens made in Java verify in Python.
"""
import json
import sys

import jwt

for line in sys.stdin:
    if not line.strip():
        continue
    request = json.loads(line)
    try:
        payload = jwt.decode(
            request["token"],
            request["key"],
            issuer=request["issuer"],
            audience=request["audience"],
            algorithms=[request["algorithm"]],
        )
        print(json.dumps({"ok": True, "payload": payload}), flush=True)
    except Exception as e:  # report the PyJWT error name, as apojwt maps them
        print(json.dumps({"ok": False, "error": type(e).__name__}), flush=True)
