#!/usr/bin/python3
"""A git smart-HTTP server for tests that counts how many requests it serves at once.

Serves the repositories under ROOT through `git http-backend`, delaying each request by
--delay seconds, and records when each request started and ended. GET /stats answers with
{"max": N, "intervals": [[start, end], ...]} (times from time.monotonic()).
With --stall it accepts connections and never answers.
"""
import argparse
import json
import os
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
active = 0
maximum = 0
intervals = []


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.handle_git()

    def do_POST(self):
        self.handle_git()

    def handle_git(self):
        global active, maximum
        if self.path == "/stats":
            with lock:
                body = json.dumps({"max": maximum, "intervals": intervals}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if self.server.stall:
            time.sleep(3600)
            return
        start = time.monotonic()
        with lock:
            active += 1
            maximum = max(maximum, active)
        try:
            time.sleep(self.server.delay)
            response = self.run_backend()
        finally:
            # Counted as finished before the answer goes out: once it is out, the client may
            # send its next request before this thread runs again.
            with lock:
                active -= 1
                intervals.append([start, time.monotonic()])
        self.send(*response)

    def send(self, status, headers, payload):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def run_backend(self):
        path, _, query = self.path.partition("?")
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        env = dict(os.environ)
        env.update({
            "GIT_PROJECT_ROOT": self.server.root,
            "GIT_HTTP_EXPORT_ALL": "1",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "REQUEST_METHOD": self.command,
            "CONTENT_TYPE": self.headers.get("Content-Type", ""),
            "CONTENT_LENGTH": str(len(body)),
            "GIT_HTTP_MAX_REQUEST_BUFFER": "100M",
        })
        if self.headers.get("Git-Protocol"):
            env["GIT_PROTOCOL"] = self.headers["Git-Protocol"]
        result = subprocess.run(["git", "http-backend"], input=body, env=env,
                                stdout=subprocess.PIPE, check=False)
        headers, _, payload = result.stdout.partition(b"\r\n\r\n")
        status = 200
        fields = []
        for line in headers.split(b"\r\n"):
            if line.lower().startswith(b"status:"):
                status = int(line.split()[1])
            elif b":" in line:
                name, value = line.split(b":", 1)
                fields.append((name.decode(), value.strip().decode()))
        return status, fields, payload


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--stall", action="store_true")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.root = args.root
    server.delay = args.delay
    server.stall = args.stall
    server.serve_forever()


if __name__ == "__main__":
    main()
