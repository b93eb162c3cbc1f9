#!/usr/bin/python3
"""A web server that misbehaves on purpose, for tests of every HTTP client in the engine.

Listens on 127.0.0.1:--port. The first path segment picks the misbehaviour (for OCI paths, the
first segment after /v2/; /v2/ itself answers 200 {} so that a registry client gets as far as
its real request). What a well-behaved server would send depends on the path: `/v2/...` gets
an OCI tag list, `.../index.yaml` a Helm index, `.../api/v1/...` a Prometheus answer,
`.../info/refs` a git smart HTTP advertisement.

  slowloris   the status line and headers dribbled one byte every --dribble seconds
  truncated   Content-Length: 1000000, a few hundred bytes of a plausible body, then close
  headers     200, then header lines without end (8 KiB each, up to --max-bytes in all)
  redirect    302 to the same path with ?hop=N+1, without end
  wrongtype   200 text/html, an HTML page (a captive portal, a proxy's error page)
  badutf8     200 with the right content type and a body with invalid UTF-8 in its strings
  gzipbomb    200, Content-Encoding: gzip, --bomb-mib MiB of zeros gzipped (about 1 MiB sent)
  crosshost   302 to the same path under /good/ on http://localhost:PORT (another host name)
  good        the well-behaved answer; /stats counts the requests to it that carried
              Authorization

With --tls-port, --cert and --key the same answers also come over HTTPS, with that (self-signed)
certificate.

GET /stats answers {"requests": {case: n}, "bytes": {case: n}, "open": n, "authorization":
{case: n}}: the requests per case, the bytes each case wrote, the connections still open, the
requests that carried Authorization. Nothing is logged.
"""
import argparse
import json
import ssl
import struct
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

lock = threading.Lock()
stats = {"requests": {}, "bytes": {}, "open": 0, "authorization": {}}
CASES = ("slowloris", "truncated", "headers", "redirect", "wrongtype", "badutf8", "gzipbomb",
         "crosshost", "good")


def gzip_of_zeros(mib):
    """A valid gzip file of @p mib MiB of zeros: one compressed MiB repeated (a full flush
    makes each copy independent of the ones before), which is quick to build."""
    chunk = bytes(1024 * 1024)
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = raw.compress(chunk) + raw.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(mib):
        crc = zlib.crc32(chunk, crc)
    end = zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)
    return (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + block * mib + end +
            struct.pack("<II", crc, (mib * 1024 * 1024) & 0xffffffff))


def good_body(path, invalid=b""):
    """What the client asked for, with @p invalid inside a string value."""
    if path.startswith("/v2/"):
        return (b'{"name":"hostile/app","tags":["v1.0.0","v1.1.0-' + invalid + b'"]}',
                "application/json")
    if path.endswith("/index.yaml"):
        return (b"apiVersion: v1\nentries:\n  app:\n  - name: app\n    version: 1.0.0\n"
                b"    description: \"" + invalid + b"\"\n    urls:\n    - app-1.0.0.tgz\n"
                b"    digest: 0000\n    created: \"2024-01-01T00:00:00Z\"\n",
                "application/x-yaml")
    if "/api/v1/" in path:
        return (b'{"status":"success","data":{"resultType":"vector","result":[{"metric":'
                b'{"app":"' + invalid + b'"},"value":[1700000000,"0.99"]}]}}',
                "application/json")
    if path.endswith("/info/refs"):
        line = b"# service=git-upload-pack\n"
        return (b"%04x" % (len(line) + 4) + line + b"0000" +
                b"00990000000000000000000000000000000000000000 capabilities^{}\0" +
                invalid + b"\n0000", "application/x-git-upload-pack-advertisement")
    return b"{}", "application/json"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def setup(self):
        super().setup()
        with lock:
            stats["open"] += 1

    def finish(self):
        try:
            super().finish()
        finally:
            with lock:
                stats["open"] -= 1

    def write(self, case, data):
        self.wfile.write(data)
        self.wfile.flush()
        with lock:
            stats["bytes"][case] = stats["bytes"].get(case, 0) + len(data)

    def answer(self, case, status, body, content_type, extra=()):
        head = ["HTTP/1.1 %d %s" % (status, "OK" if status == 200 else "Found"),
                "Content-Type: " + content_type, "Content-Length: %d" % len(body)]
        head += ["%s: %s" % pair for pair in extra]
        self.write(case, ("\r\n".join(head) + "\r\n\r\n").encode())
        if self.command != "HEAD":
            self.write(case, body)

    def do_HEAD(self):
        self.do_GET()

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        if length:
            self.rfile.read(length)
        self.do_GET()

    def do_GET(self):
        url = urlparse(self.path)
        path = url.path
        if path == "/stats":
            with lock:
                body = json.dumps(stats).encode()
            self.answer("stats", 200, body, "application/json")
            return
        if path == "/v2/" or path == "/v2":
            self.answer("ping", 200, b"{}", "application/json")
            return
        segments = [s for s in path.split("/") if s]
        if segments and segments[0] == "v2":
            segments = segments[1:]
        case = segments[0] if segments else ""
        if case not in CASES:
            self.answer("unknown", 404, b"unknown case", "text/plain")
            return
        with lock:
            stats["requests"][case] = stats["requests"].get(case, 0) + 1
            if self.headers.get("Authorization"):
                stats["authorization"][case] = stats["authorization"].get(case, 0) + 1
        self.close_connection = True
        try:
            getattr(self, case)(case, path, parse_qs(url.query))
        except (BrokenPipeError, ConnectionResetError):
            pass

    def slowloris(self, case, path, query):
        body, content_type = good_body(path)
        head = ("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n"
                "X-Slow: " % (content_type, len(body))).encode()
        deadline = time.monotonic() + self.server.max_seconds
        index = 0
        while time.monotonic() < deadline:
            byte = head[index:index + 1] if index < len(head) else b"a"
            self.write(case, byte)
            index += 1
            time.sleep(self.server.dribble)

    def truncated(self, case, path, query):
        body, content_type = good_body(path)
        body = (body * 40)[:600]
        self.write(case, ("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: 1000000\r\n\r\n"
                          % content_type).encode())
        self.write(case, body)

    def headers(self, case, path, query):
        self.write(case, b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n")
        line = b"X-Filler: " + b"x" * 8180 + b"\r\n"
        sent = 0
        while sent < self.server.max_bytes:
            self.write(case, line)
            sent += len(line)

    def redirect(self, case, path, query):
        hop = int(query.get("hop", ["0"])[0]) + 1
        self.answer(case, 302, b"", "text/plain", [("Location", "%s?hop=%d" % (path, hop))])

    def wrongtype(self, case, path, query):
        self.answer(case, 200, b"<!DOCTYPE html><html><head><title>Sign in</title></head>"
                               b"<body><p>Please sign in to the guest network.</p></body></html>",
                    "text/html; charset=utf-8")

    def badutf8(self, case, path, query):
        body, content_type = good_body(path, b"\xff\xfe\xc3\x28\xed\xa0\x80")
        self.answer(case, 200, body, content_type)

    def crosshost(self, case, path, query):
        target = "http://localhost:%d%s" % (self.server.server_port,
                                             path.replace("/crosshost/", "/good/", 1))
        self.answer(case, 302, b"", "text/plain", [("Location", target)])

    def good(self, case, path, query):
        body, content_type = good_body(path)
        self.answer(case, 200, body, content_type)

    def gzipbomb(self, case, path, query):
        _, content_type = good_body(path)
        self.answer(case, 200, self.server.bomb, content_type, [("Content-Encoding", "gzip")])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dribble", type=float, default=0.2)
    parser.add_argument("--max-seconds", type=float, default=60)
    parser.add_argument("--max-bytes", type=int, default=256 * 1024 * 1024)
    parser.add_argument("--bomb-mib", type=int, default=1024)
    parser.add_argument("--tls-port", type=int)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    args = parser.parse_args()
    bomb = gzip_of_zeros(args.bomb_mib)
    servers = [ThreadingHTTPServer(("127.0.0.1", args.port), Handler)]
    if args.tls_port:
        tls = ThreadingHTTPServer(("127.0.0.1", args.tls_port), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
        tls.socket = context.wrap_socket(tls.socket, server_side=True)
        servers.append(tls)
    for server in servers:
        server.daemon_threads = True
        server.dribble = args.dribble
        server.max_seconds = args.max_seconds
        server.max_bytes = args.max_bytes
        server.bomb = bomb
    for server in servers[1:]:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    servers[0].serve_forever()


if __name__ == "__main__":
    main()
