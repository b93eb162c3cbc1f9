#!/usr/bin/python3
"""A reverse proxy for tests that counts the requests a client makes to a container registry.

Forwards every request (GET and HEAD, headers and body as they are) to --upstream, e.g. a
docker-registry on 127.0.0.1, and answers with what it answered. Each request is recorded as
"METHOD PATH" before it is forwarded, so once a client has its answer the record is there.
GET /stats answers with {"requests": ["HEAD /v2/app/manifests/v1", ...]} in arrival order.
"""
import argparse
import http.client
import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
requests = []

# Not passed along: they describe one connection, not the message.
HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade",
              "te", "trailer", "host"}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == "/stats":
            with lock:
                body = json.dumps({"requests": requests}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.forward()

    def do_HEAD(self):
        self.forward()

    def forward(self):
        with lock:
            requests.append(f"{self.command} {self.path}")
        upstream = self.server.upstream
        connection = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=30)
        headers = {name: value for name, value in self.headers.items()
                   if name.lower() not in HOP_BY_HOP}
        headers["Host"] = upstream.netloc
        connection.request(self.command, self.path, headers=headers)
        response = connection.getresponse()
        body = response.read() if self.command != "HEAD" else b""
        self.send_response(response.status, response.reason)
        for name, value in response.getheaders():
            if name.lower() not in HOP_BY_HOP:
                self.send_header(name, value)
        self.end_headers()
        if body:
            self.wfile.write(body)
        connection.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--upstream", required=True, help="http://127.0.0.1:PORT")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.upstream = urllib.parse.urlsplit(args.upstream)
    server.daemon_threads = True
    server.serve_forever()


if __name__ == "__main__":
    main()
