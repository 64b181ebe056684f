#!/usr/bin/env python3
"""httpd.py - the link checker's test server, loopback only.

    python3 tests/httpd.py --port-file FILE [--ports N | --port P]
                           [--delay-ms MS]

Listens on 127.0.0.1 on N free ports (one thread per connection), writes
the ports (one per line) to FILE once listening, and serves the paths the
tests need.  GET /_stats returns JSON: requests per (method, path), the
most requests in flight at once per port, and each request's time.
It stops by itself after --lifetime seconds (default 300), so a crashed
test run never leaves it behind.
"""
import argparse
import json
import os
import socket
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
COUNTS = {}          # "METHOD /path" -> n
INFLIGHT = {}        # port -> now
MAX_INFLIGHT = {}    # port -> max
TIMES = []           # [t, method, path, port]
ONCE = {}            # path -> served once already
DELAY = 0.0
TLS = None           # an ssl.SSLContext when --tls-cert is given


def stats():
    with LOCK:
        return json.dumps({"counts": COUNTS, "max_inflight": MAX_INFLIGHT,
                           "times": TIMES[-20000:]}).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, code, body=b"", headers=()):
        self.send_response(code)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def redirect(self, code, to):
        self.send(code, b"", [("Location", to)])

    def first_time(self, key):
        with LOCK:
            seen = ONCE.get(key, False)
            ONCE[key] = True
            return not seen

    def handle_one(self):
        path = self.path.split("?")[0]
        port = self.server.server_address[1]
        if path == "/_stats":
            return self.send(200, stats())
        with LOCK:
            key = "%s %s" % (self.command, path)
            COUNTS[key] = COUNTS.get(key, 0) + 1
            TIMES.append([time.time(), self.command, path, port])
            INFLIGHT[port] = INFLIGHT.get(port, 0) + 1
            MAX_INFLIGHT[port] = max(MAX_INFLIGHT.get(port, 0),
                                     INFLIGHT[port])
        try:
            self.route(path)
        finally:
            with LOCK:
                INFLIGHT[port] -= 1

    def route(self, path):
        if DELAY:
            time.sleep(DELAY)
        if path == "/http-only":  # served over plain http, not over TLS
            if isinstance(self.connection, ssl.SSLSocket):
                return self.send(404, b"no such page over https")
            return self.send(200, b"ok")
        if path == "/ok" or path.startswith("/load/"):
            return self.send(200, b"ok")
        # permanent moves that --fix must not follow: to a login page, and
        # from a deep page to the front page
        if path == "/to-login":
            return self.redirect(301, "/login?next=/to-login")
        if path == "/deep/to-front":
            return self.redirect(301, "/")
        if path in ("/login", "/"):
            return self.send(200, b"ok")
        if path == "/404":
            return self.send(404, b"not found")
        if path == "/410":
            return self.send(410, b"gone")
        if path == "/301":
            return self.redirect(301, "/ok")
        if path == "/308":
            return self.redirect(308, "/ok")
        if path == "/302":
            return self.redirect(302, "/ok")
        if path == "/chain1":
            return self.redirect(301, "/chain2")
        if path == "/chain2":
            return self.redirect(308, "/ok")
        if path == "/chain-404":
            return self.redirect(301, "/404")
        if path == "/loop1":
            return self.redirect(302, "/loop2")
        if path == "/loop2":
            return self.redirect(302, "/loop1")
        if path == "/to-file":
            return self.redirect(302, "file:///etc/passwd")
        if path == "/to-ftp":
            return self.redirect(302, "ftp://127.0.0.1/x")
        if path.startswith("/to-other-address"):
            port = self.server.server_address[1]
            return self.redirect(302, "http://127.0.0.2:%d/ok" % port)
        if path == "/head-405":
            if self.command == "HEAD":
                return self.send(405, b"")
            return self.send(200, b"ok")
        if path == "/need-token":
            ok = self.headers.get("X-Token") == "s3cret"
            return self.send(200 if ok else 401, b"")
        if path == "/need-ua":
            ok = (self.headers.get("User-Agent") or "").startswith("listlint/")
            return self.send(200 if ok else 403, b"")
        if path == "/botwall":
            return self.send(403, b"<html>Please complete the captcha</html>")
        if path == "/retry-after":
            if self.first_time(path):
                return self.send(429, b"slow down", [("Retry-After", "1")])
            return self.send(200, b"ok")
        if path == "/retry-after-date":
            if self.first_time(path):
                when = time.strftime("%a, %d %b %Y %H:%M:%S GMT",
                                     time.gmtime(time.time() + 2))
                return self.send(503, b"later", [("Retry-After", when)])
            return self.send(200, b"ok")
        if path == "/429":
            return self.send(429, b"slow down", [("Retry-After", "1")])
        if path == "/503-once":
            if self.first_time(path):
                return self.send(503, b"busy")
            return self.send(200, b"ok")
        if path == "/503":
            return self.send(503, b"busy")
        if path == "/hang":
            time.sleep(30)
            return self.send(200, b"late")
        if path == "/reset":
            self.close_connection = True
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                       b"\x01\x00\x00\x00\x00\x00\x00\x00")
            self.connection.close()
            return None
        if path == "/endless":
            if self.command == "HEAD":
                return self.send(405, b"")
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(100000):
                    self.wfile.write(b"x" * 4096)
            except OSError:
                pass
            self.close_connection = True
            return None
        if path == "/trickle":
            if self.command == "HEAD":
                return self.send(405, b"")
            self.send_response(200)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(1)
            except OSError:
                pass
            self.close_connection = True
            return None
        return self.send(404, b"no such path")

    def do_HEAD(self):
        self.handle_one()

    def do_GET(self):
        self.handle_one()


class Server(ThreadingHTTPServer):
    """With --tls-cert, a connection whose first byte opens a TLS
    handshake is served over TLS on the same port: http://127.0.0.1:P/x
    and https://127.0.0.1:P/x are then the same page (the fix's https
    upgrade is tested so).  Wrapped in the connection's own thread."""

    def finish_request(self, request, client_address):
        if TLS is not None:
            try:
                first = request.recv(1, socket.MSG_PEEK)
            except OSError:
                first = b""
            if first == b"\x16":
                try:
                    request = TLS.wrap_socket(request, server_side=True)
                except (ssl.SSLError, OSError):
                    return
        super().finish_request(request, client_address)


def main():
    global DELAY, TLS
    ap = argparse.ArgumentParser()
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--ports", type=int, default=1)
    ap.add_argument("--port", type=int, default=0,
                    help="listen on this port (one server), not a free one")
    ap.add_argument("--delay-ms", type=int, default=0)
    ap.add_argument("--lifetime", type=int, default=300)
    ap.add_argument("--tls-cert", help="certificate and key (PEM) for TLS")
    ap.add_argument("--parent-pid", type=int, default=0,
                    help="exit when this process is gone")
    a = ap.parse_args()
    DELAY = a.delay_ms / 1000.0
    if a.tls_cert:
        TLS = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        TLS.load_cert_chain(a.tls_cert)
    servers = []
    for _ in range(a.ports):
        s = Server(("127.0.0.1", a.port), Handler)
        s.daemon_threads = True
        s.request_queue_size = 256
        servers.append(s)
        threading.Thread(target=s.serve_forever, daemon=True).start()
    tmp = a.port_file + ".tmp"
    with open(tmp, "w") as f:
        for s in servers:
            f.write("%d\n" % s.server_address[1])
    os.rename(tmp, a.port_file)
    deadline = time.time() + a.lifetime
    while time.time() < deadline:
        time.sleep(0.2)
        if a.parent_pid:
            try:
                os.kill(a.parent_pid, 0)
            except OSError:   # the test that started us is gone
                break
    sys.exit(0)


if __name__ == "__main__":
    main()
