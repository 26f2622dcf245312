#!/usr/bin/env python3
"""Writes tokens exactly as apojwt 1.7 (Python, on PyJWT) creates them, as test fixtures.

apojwt 1.7's create_token builds these payloads (in this key order) and calls
jwt.encode(payload, secret, algorithm=alg); PyJWT writes the header {"alg":..,"typ":"JWT"}
and turns the datetime values of nbf and iat into whole seconds:

    access:  {"exp", "sub", "nbf", "iss", "aud" (list), "iat", "data", "perms" (list)}
    refresh: {"exp", "nbf", "iss", "aud" (list), "iat", "data"}   (signed with the refresh secret)

Usage (Debian's PyJWT: apt-get install python3-jwt python3-cryptography):
    /usr/bin/python3 make_apojwt17_tokens.py ../resources/apojwt17
The output is committed; the Java tests verify it under a fixed clock (ISSUED_AT below).
"""
import os
import sys
from datetime import datetime, timezone

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

ISSUED_AT = datetime(2026, 1, 1, tzinfo=timezone.utc)  # 1767225600
EXP_PERIOD = 900
REFRESH_EXP_PERIOD = 86400
ISSUER = "apogee"
AUDIENCE = ["https://orders.example.com", "https://billing.example.com"]
SECRETS = {
    "HS256": "apojwt-17-compat-access-secret-32b!",
    "HS384": "apojwt-17-compat-access-secret-for-hs384-48-bytes!",
    "HS512": "apojwt-17-compat-access-secret-for-hs512-needs-64-bytes-of-key!!",
}
REFRESH_SECRET = "apojwt-17-compat-refresh-secret-differs-from-access!!!!!!!!!!!!!!"
DATA = {"tenant": "acme", "level": 3, "ratio": 2.5, "tags": ["a", "b"], "extra": {"on": True, "none": None}}
PERMS = ["orders:read", "orders:write"]


def access_payload(sub, perms, data, aud):
    now = int(ISSUED_AT.timestamp())
    return {
        "exp": now + EXP_PERIOD,
        "sub": str(sub),
        "nbf": ISSUED_AT,
        "iss": ISSUER,
        "aud": list(aud),
        "iat": ISSUED_AT,
        "data": data,
        "perms": list(perms),
    }


def refresh_payload(refresh_data, aud):
    now = int(ISSUED_AT.timestamp())
    return {
        "exp": now + REFRESH_EXP_PERIOD,
        "nbf": ISSUED_AT,
        "iss": ISSUER,
        "aud": list(aud),
        "iat": ISSUED_AT,
        "data": refresh_data,
    }


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    lines = [
        "# Tokens made exactly as apojwt 1.7 makes them, by PyJWT " + jwt.__version__ + ".",
        "# Regenerate with src/test/python/make_apojwt17_tokens.py; see ApoJwt17CompatibilityTest.",
    ]
    for alg, secret in SECRETS.items():
        lines.append(f"{alg}.secret={secret}")
        lines.append(f"{alg}.access=" + jwt.encode(access_payload("user-1", PERMS, DATA, AUDIENCE), secret, algorithm=alg))
        lines.append(f"{alg}.refresh=" + jwt.encode(refresh_payload({"user_id": "user-1"}, AUDIENCE), REFRESH_SECRET, algorithm=alg))
    lines.append("refresh.secret=" + REFRESH_SECRET)
    # apojwt's defaults: sub "", no permissions, empty data, iss "", aud [].
    defaults = access_payload("", [], {}, [])
    defaults["iss"] = ""
    lines.append("HS256.defaults=" + jwt.encode(defaults, SECRETS["HS256"], algorithm="HS256"))

    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ec_key = ec.generate_private_key(ec.SECP256R1())
    for name, key, alg in (("rsa", rsa_key, "RS256"), ("ec", ec_key, "ES256")):
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        with open(os.path.join(out_dir, f"{name}-private.pem"), "wb") as f:
            f.write(pem)
        pub = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        with open(os.path.join(out_dir, f"{name}-public.pem"), "wb") as f:
            f.write(pub)
        lines.append(f"{alg}.access=" + jwt.encode(access_payload("user-1", PERMS, DATA, AUDIENCE), pem, algorithm=alg))

    with open(os.path.join(out_dir, "tokens.properties"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "apojwt17")
