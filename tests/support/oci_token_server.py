#!/usr/bin/python3
"""A Docker registry token server for tests (the `auth.token` flow of docker/distribution).

GET /token?service=S&scope=repository:NAME:pull[,push] answers {"token", "access_token",
"expires_in", "issued_at"} with an RS256 JWT signed by --key, whose `kid` header is the libtrust
key id of the public key (what the registry matches against the certificates in its
rootcertbundle). With valid basic credentials (--user/--password) every requested action is
granted; anonymously only `pull` on repositories under --public-prefix; wrong credentials get
401. GET /stats answers {"requests": N, "basic": N, "anonymous": N, "scopes": [...]};
GET /set?expires_in=N&send_expires_in=0|1&access_token_field=0|1 changes the answers from then on.
Nothing is logged: tokens and credentials never reach the output.
"""
import argparse
import base64
import hashlib
import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import jwt
from cryptography.hazmat.primitives import serialization

lock = threading.Lock()
stats = {"requests": 0, "basic": 0, "anonymous": 0, "scopes": []}


def libtrust_key_id(public_key):
    """libtrust's KeyID: the first 240 bits of the SHA-256 of the DER SubjectPublicKeyInfo,
    base32 without padding, in 12 groups of 4 characters joined by colons."""
    der = public_key.public_bytes(serialization.Encoding.DER,
                                  serialization.PublicFormat.SubjectPublicKeyInfo)
    encoded = base64.b32encode(hashlib.sha256(der).digest()[:30]).decode().rstrip("=")
    return ":".join(encoded[i:i + 4] for i in range(0, 48, 4))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # no 40 ms delayed-ACK stalls on kept-alive connections

    def log_message(self, *args):
        pass

    def answer(self, status, body, headers=()):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        config = self.server.config
        url = urlparse(self.path)
        if url.path == "/stats":
            with lock:
                self.answer(200, stats)
            return
        if url.path == "/set":
            query = parse_qs(url.query)
            with lock:
                if "expires_in" in query:
                    config.expires_in = int(query["expires_in"][0])
                if "send_expires_in" in query:
                    config.send_expires_in = query["send_expires_in"][0] == "1"
                if "access_token_field" in query:
                    config.access_token_field = query["access_token_field"][0] == "1"
            self.answer(200, {})
            return
        if url.path != "/token":
            self.answer(404, {"error": "not found"})
            return
        query = parse_qs(url.query)
        user = None
        authorization = self.headers.get("Authorization", "")
        if authorization.startswith("Basic "):
            try:
                user, _, password = base64.b64decode(authorization[6:]).decode().partition(":")
            except ValueError:
                user, password = "", ""
            if user != config.user or password != config.password:
                self.answer(401, {"details": "wrong user name or password"},
                            [("WWW-Authenticate", 'Basic realm="token"')])
                return
        scopes = []
        for value in query.get("scope", []):
            scopes.extend(value.split(" "))
        with lock:
            stats["requests"] += 1
            stats["basic" if user else "anonymous"] += 1
            stats["scopes"].extend(scopes)
        access = []
        for scope in scopes:
            parts = scope.split(":")
            if len(parts) != 3 or parts[0] != "repository":
                continue
            actions = parts[2].split(",")
            if not user:
                actions = ["pull"] if parts[1].startswith(config.public_prefix) and \
                    "pull" in actions else []
            access.append({"type": "repository", "name": parts[1], "actions": actions})
        now = int(time.time())
        claims = {
            "iss": config.issuer,
            "sub": user or "",
            "aud": query.get("service", [""])[0],
            "iat": now,
            "nbf": now - 10,
            "exp": now + config.expires_in,
            "jti": uuid.uuid4().hex,
            "access": access,
        }
        token = jwt.encode(claims, self.server.key, algorithm="RS256",
                           headers={"kid": self.server.kid})
        body = {"token": token, "issued_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        if config.access_token_field:
            body = {"access_token": token, "issued_at": body["issued_at"]}
        if config.send_expires_in:
            body["expires_in"] = config.expires_in
        self.answer(200, body)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--key", required=True, help="PEM RSA private key")
    parser.add_argument("--issuer", default="stevedore-test-issuer")
    parser.add_argument("--user", default="")
    parser.add_argument("--password", default="")
    parser.add_argument("--public-prefix", default="public/")
    parser.add_argument("--expires-in", type=int, default=300)
    parser.add_argument("--no-expires-in", dest="send_expires_in", action="store_false")
    parser.add_argument("--access-token-field", action="store_true")
    config = parser.parse_args()
    with open(config.key, "rb") as f:
        key = serialization.load_pem_private_key(f.read(), password=None)
    server = ThreadingHTTPServer(("127.0.0.1", config.port), Handler)
    server.daemon_threads = True
    server.config = config
    server.key = key
    server.kid = libtrust_key_id(key.public_key())
    server.serve_forever()


if __name__ == "__main__":
    main()
