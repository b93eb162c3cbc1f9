#!/usr/bin/python3
"""A misbehaving OCI registry for tests of the registry client's defences.

Listens on 127.0.0.1:--port; a second listener on 127.0.0.2:--other-port plays the storage host
that blob downloads are redirected to. The repository name picks the misbehaviour:

  malformed/json   tags/list and manifests answer with truncated JSON
  huge/stream      tags/list streams --huge-bytes of JSON without a Content-Length
  huge/length      the same, announced with a Content-Length
  stall/body       tags/list sends its headers and a few bytes, then nothing
  stall/headers    tags/list accepts the request and never answers
  ratelimit/retry  tags/list: 429 (Retry-After: 1), then 503 (Retry-After as an HTTP date), then 200
  ratelimit/long   tags/list: 429 with Retry-After: 3600, always
  paged/path       tags/list: 15 tags, honouring n= and last=, with a relative next-page Link
                   (`</v2/...?n=&last=>`); paged/query the same with a query-only Link (`<?...>`)
  endless/link     tags/list: one tag per page and always a next-page Link
  loop/link        tags/list: a next-page Link that always points at the same page
  digest/mismatch  manifests: a Docker-Content-Digest that is not the body's
  bad/challenge    401 with a challenge of an unsupported scheme
  auth/redirect    needs basic auth (--user/--password); its config blob redirects to the other
                   listener, which refuses (and records) any request carrying Authorization;
                   blob sha256:222... redirects to a closed port with a signed-looking URL

GET /stats answers {"hits": {path: n}, "huge_bytes_sent": n, "stalled": n,
"other_authorization_seen": bool, "other_requests": n}. Nothing is logged.
"""
import argparse
import base64
import email.utils
import hashlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

lock = threading.Lock()
stats = {"hits": {}, "huge_bytes_sent": 0, "stalled": 0, "other_authorization_seen": False,
         "other_requests": 0}

CONFIG = json.dumps({"architecture": "amd64", "os": "linux",
                     "created": "2024-02-03T04:05:06Z",
                     "config": {"Labels": {"org.opencontainers.image.created":
                                           "2024-02-04T00:00:00Z"}},
                     "rootfs": {"type": "layers", "diff_ids": []}}).encode()
CONFIG_DIGEST = "sha256:" + hashlib.sha256(CONFIG).hexdigest()
MANIFEST = json.dumps({"schemaVersion": 2,
                       "mediaType": "application/vnd.oci.image.manifest.v1+json",
                       "config": {"mediaType": "application/vnd.oci.image.config.v1+json",
                                  "digest": CONFIG_DIGEST, "size": len(CONFIG)},
                       "layers": []}).encode()
MANIFEST_DIGEST = "sha256:" + hashlib.sha256(MANIFEST).hexdigest()


def count(key):
    with lock:
        stats["hits"][key] = stats["hits"].get(key, 0) + 1
        return stats["hits"][key]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes: without this, Nagle's algorithm and delayed
    # ACKs add 40 ms to every answer on a kept-alive connection.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", content_type="application/json", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        if self.server.role == "other":
            self.other()
            return
        url = urlparse(self.path)
        path = url.path
        query = parse_qs(url.query)
        if path == "/stats":
            with lock:
                self.send(200, json.dumps(stats).encode())
            return
        if path == "/v2/":
            self.send(200, b"{}")
            return
        if path.startswith("/v2/auth/redirect/") and not self.authorized():
            self.send(401, b'{"errors":[{"code":"UNAUTHORIZED","message":"authentication '
                           b'required"}]}', headers=[("WWW-Authenticate", 'Basic realm="test"')])
            return
        hits = count(path)
        config = self.server.config
        if path == "/v2/malformed/json/tags/list":
            self.send(200, b'{"name":"malformed/json","tags":["a",')
        elif path.startswith("/v2/malformed/json/manifests/"):
            self.send(200, b'{"schemaVersion": 2, "config": ',
                      "application/vnd.oci.image.manifest.v1+json")
        elif path in ("/v2/huge/stream/tags/list", "/v2/huge/length/tags/list"):
            self.stream_huge(path.endswith("length/tags/list"))
        elif path == "/v2/stall/body/tags/list":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b'{"tags":[')
            self.wfile.flush()
            self.stall()
        elif path == "/v2/stall/headers/tags/list":
            self.stall()
        elif path == "/v2/ratelimit/retry/tags/list":
            if hits == 1:
                self.send(429, b'{"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]}',
                          headers=[("Retry-After", "1")])
            elif hits == 2:
                when = email.utils.formatdate(time.time() + 1, usegmt=True)
                self.send(503, b"busy", "text/plain", headers=[("Retry-After", when)])
            else:
                self.send(200, b'{"name":"ratelimit/retry","tags":["ok"]}')
        elif path == "/v2/ratelimit/long/tags/list":
            self.send(429, b'{"errors":[{"code":"TOOMANYREQUESTS","message":"pull rate limit"}]}',
                      headers=[("Retry-After", "3600")])
        elif path in ("/v2/paged/path/tags/list", "/v2/paged/query/tags/list"):
            tags = ["t%02d" % i for i in range(1, 16)]
            n = int(query.get("n", ["100"])[0])
            last = query.get("last", [None])[0]
            start = tags.index(last) + 1 if last in tags else 0
            page = tags[start:start + n]
            headers = []
            if start + n < len(tags):
                target = "?" if "query" in path else path + "?"
                headers.append(("Link", '<%sn=%d&last=%s>; rel="next"' % (target, n, page[-1])))
            self.send(200, json.dumps({"name": path[4:-10], "tags": page}).encode(),
                      headers=headers)
        elif path == "/v2/endless/link/tags/list":
            last = int(query.get("last", ["0"])[0])
            link = '</v2/endless/link/tags/list?n=1&last=%d>; rel="next"' % (last + 1)
            self.send(200, json.dumps({"tags": ["t%d" % (last + 1)]}).encode(),
                      headers=[("Link", link)])
        elif path == "/v2/loop/link/tags/list":
            self.send(200, b'{"tags":["x"]}',
                      headers=[("Link", '</v2/loop/link/tags/list?n=1&last=x>; rel="next"')])
        elif path.startswith("/v2/digest/mismatch/manifests/"):
            self.send(200, MANIFEST, "application/vnd.oci.image.manifest.v1+json",
                      headers=[("Docker-Content-Digest", "sha256:" + "0" * 64)])
        elif path == "/v2/bad/challenge/tags/list":
            self.send(401, b"{}", headers=[("WWW-Authenticate", "Negotiate")])
        elif path == "/v2/auth/redirect/manifests/v1":
            self.send(200, MANIFEST, "application/vnd.oci.image.manifest.v1+json",
                      headers=[("Docker-Content-Digest", MANIFEST_DIGEST)])
        elif path == "/v2/auth/redirect/blobs/sha256:" + "2" * 64:
            # To a closed port: the error names the URL, which must not show the signature.
            self.send(307, b"", headers=[("Location", "http://127.0.0.2:1/blobs/x?"
                                                      "X-Amz-Signature=s3cr3t-signature")])
        elif path == "/v2/auth/redirect/blobs/" + CONFIG_DIGEST:
            target = "http://127.0.0.2:%d/blobs/%s?X-Amz-Signature=s3cr3t-signature" % (
                config.other_port, CONFIG_DIGEST)
            self.send(307, b"", headers=[("Location", target)])
        else:
            self.send(404, b'{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not '
                           b'known to registry"}]}')

    def authorized(self):
        config = self.server.config
        expected = "Basic " + base64.b64encode(
            ("%s:%s" % (config.user, config.password)).encode()).decode()
        return self.headers.get("Authorization", "") == expected

    def stall(self):
        with lock:
            stats["stalled"] += 1
        time.sleep(3600)

    def stream_huge(self, with_length):
        total = self.server.config.huge_bytes
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if with_length:
            self.send_header("Content-Length", str(total))
        else:
            self.send_header("Connection", "close")
        self.end_headers()
        chunk = b'"t0000000",' * (1024 * 1024 // 11)
        sent = 0
        try:
            self.wfile.write(b'{"tags":[')
            while sent < total:
                self.wfile.write(chunk)
                sent += len(chunk)
                with lock:
                    stats["huge_bytes_sent"] = sent
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True

    def other(self):
        with lock:
            stats["other_requests"] += 1
            if "Authorization" in self.headers:
                stats["other_authorization_seen"] = True
        if "Authorization" in self.headers:
            self.send(400, b"Authorization must not be forwarded here", "text/plain")
        elif urlparse(self.path).path == "/blobs/" + CONFIG_DIGEST:
            self.send(200, CONFIG, "application/octet-stream")
        else:
            self.send(404, b"", "text/plain")


def serve(address, port, role, config):
    server = ThreadingHTTPServer((address, port), Handler)
    server.daemon_threads = True
    server.role = role
    server.config = config
    server.serve_forever()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--other-port", type=int, required=True)
    parser.add_argument("--user", default="user")
    parser.add_argument("--password", default="password")
    parser.add_argument("--huge-bytes", type=int, default=200 * 1024 * 1024)
    config = parser.parse_args()
    threading.Thread(target=serve, args=("127.0.0.2", config.other_port, "other", config),
                     daemon=True).start()
    serve("127.0.0.1", config.port, "main", config)


if __name__ == "__main__":
    main()
