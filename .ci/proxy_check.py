"""The checks of .ci/proxy-check, against nginx (deploy/nginx/portal.conf) in front of gunicorn.

Usage: proxy_check.py NGINX_PORT GUNICORN_PORT MEDIA_ROOT. Prints one line per check, exits 1 on any failure.
"""

import http.client
import json
import socket
import sys
import threading
import time
from pathlib import Path

from checklib import check, failures, say

HOST = "127.0.0.1"
NGINX, GUNICORN = int(sys.argv[1]), int(sys.argv[2])


def get(path, port=NGINX, method="GET", headers=None, body=None, timeout=5):
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers={"Host": "localhost", **(headers or {})})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def raw_status(head, port=NGINX):
    """Sends only a request head (no body) and returns the status nginx answers."""
    with socket.create_connection((HOST, port), timeout=5) as sock:
        sock.sendall(head.encode())
        line = sock.makefile("rb").readline().decode()
    return int(line.split()[1])


def wait_until_up(port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if get("/healthz/", port=port, timeout=2)[0] == 200:
                return True
        except OSError:
            time.sleep(0.3)
    return False


def health_latencies(port, seconds):
    """Asks /healthz/ twice a second for ``seconds``; returns (latencies, failures)."""
    latencies, errors = [], 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        started = time.monotonic()
        try:
            status = get("/healthz/", port=port, timeout=1)[0]
            if status == 200:
                latencies.append(time.monotonic() - started)
            else:
                errors += 1
        except OSError:
            errors += 1
        time.sleep(max(0, 0.5 - (time.monotonic() - started)))
    return latencies, errors


def slow_clients(port, count, seconds):
    """``count`` connections that send one header line a second and never finish their request."""
    stop = threading.Event()
    socks = []

    def drip(sock):
        try:
            sock.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\n")
            while not stop.wait(1):
                sock.sendall(b"X-Slow: 1\r\n")
        except OSError:
            pass

    for _ in range(count):
        sock = socket.create_connection((HOST, port), timeout=5)
        socks.append(sock)
        threading.Thread(target=drip, args=(sock,), daemon=True).start()
    time.sleep(0.5)
    try:
        return health_latencies(port, seconds)
    finally:
        stop.set()
        for sock in socks:
            sock.close()


check(wait_until_up(GUNICORN), f"gunicorn answers /healthz/ on {GUNICORN}")
check(wait_until_up(NGINX), f"nginx answers /healthz/ on {NGINX}")

manifest = json.loads(Path("static_collected/staticfiles.json").read_text())["paths"]
hashed = manifest["css/portal.css"]
status, headers, _ = get(f"/static/{hashed}", headers={"Accept-Encoding": "gzip"})
check(
    status == 200 and "immutable" in headers.get("Cache-Control", "") and headers.get("Content-Encoding") == "gzip",
    f"/static/{hashed}: {status}, Cache-Control {headers.get('Cache-Control')!r}, "
    f"Content-Encoding {headers.get('Content-Encoding')!r}",
)
status, headers, _ = get("/", headers={"Accept-Encoding": "gzip"})
check(
    headers.get("Content-Encoding") == "gzip" and "text/html" in headers.get("Content-Type", ""),
    f"/ (from gunicorn, {status}) compressed by nginx: Content-Encoding {headers.get('Content-Encoding')!r}",
)

big = 17 * 1024 * 1024
status = raw_status(f"POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: {big}\r\n\r\n")
check(status == 413, f"POST / with a {big // 2**20} MB body: {status} (expected 413)")
status = raw_status(f"POST /admin/ HTTP/1.1\r\nHost: localhost\r\nContent-Length: {30 * 2**20}\r\n\r\n")
check(status == 413, f"POST /admin/ with a 30 MB body: {status} (expected 413)")
status = get("/", method="POST", body=b"x" * (15 * 2**20), headers={"Content-Type": "text/plain"}, timeout=30)[0]
check(status != 413, f"POST / with a 15 MB body (three 5 MB attachments) reaches the portal: {status}")

media = Path(sys.argv[3])
for path in ("original_images/x.jpg", "documents/x.pdf"):
    check((media / path).is_file(), f"{media / path} exists")
    status, _, body = get(f"/media/{path}")
    check(status in (403, 404) and b"original" not in body and b"document" not in body, f"/media/{path}: {status}")
status, _, body = get("/media/images/x.jpg")
check(status == 200 and body == b"rendition", f"/media/images/x.jpg (a rendition): {status}")
for path in ("/private_media/feedback/x.pdf", "/media/../private_media/feedback/x.pdf"):
    status, _, body = get(path)
    check(status == 404 and b"private" not in body, f"{path}: {status}")

latencies, errors = slow_clients(NGINX, 20, 6)
worst = max(latencies, default=99)
check(
    not errors and latencies and worst < 1,
    f"/healthz/ through nginx with 20 slow clients: {len(latencies)} answers, {errors} failures, "
    f"slowest {worst * 1000:.0f} ms",
)
# For comparison only (not a check): the same against gunicorn alone.
latencies, errors = slow_clients(GUNICORN, 20, 3)
say(f"info gunicorn alone with 20 slow clients: {len(latencies)} answers within 1 s, {errors} failures")

if failures:
    say(f"{len(failures)} proxy check(s) failed")
    sys.exit(1)
say("proxy checks passed")
