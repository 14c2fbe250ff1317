"""The HTTP side of .ci/container-smoke.sh: one subcommand per check, exit 0 when it holds.

    container_smoke_client.py ready PORT PID SECONDS   /readyz answers 200 within SECONDS, PID still running
    container_smoke_client.py documents PORT SEEDS     /v1/documents lists exactly the seed files
    container_smoke_client.py post PORT ID             POST /v1/documents of a small article, with the key, is 201
    container_smoke_client.py refused PORT ID          the same POST without a key is 401 and stores nothing
    container_smoke_client.py has PORT ID...           GET /v1/documents/ID is 200 for each ID
    container_smoke_client.py drain PORT PID ID        SIGTERM with requests in flight (below)

Talks to 127.0.0.1 only, ignoring any proxy settings. Writes send the key in DOSSIER_SMOKE_KEY.
Prints one line saying what failed.
"""

import json
import os
import signal
import socket
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

HOST = "127.0.0.1"
# The write key the image's key file accepts (set by container-smoke.sh), sent with every write.
KEY = os.environ.get("DOSSIER_SMOKE_KEY", "")
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def request(port: int, method: str, path: str, body: bytes | None = None, content_type: str | None = None,
            key: str | None = None):
    """(status, headers, body) of one request, with `Authorization: Bearer key` if a key is given."""
    headers = {"Content-Type": content_type} if content_type else {}
    if key:
        headers["Authorization"] = f"Bearer {key}"
    call = urllib.request.Request(f"http://{HOST}:{port}{path}", data=body, method=method, headers=headers)
    try:
        with OPENER.open(call, timeout=5) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def article(identifier: str) -> bytes:
    return json.dumps({
        "id": identifier,
        "title": f"Harbour reopens after storm, filing {identifier}",
        "published": "2026-11-02",
        "text": "LISBON (AP) - The harbour reopened on Monday after a two-day closure.\n\n"
                "\"Ships are moving again,\" said Maria Costa, the port's spokeswoman.",
    }).encode()


def is_running(pid: int) -> bool:
    """Whether the process exists and is not a zombie."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def ready(port: int, pid: int, seconds: float) -> str | None:
    deadline = time.monotonic() + seconds
    last = "no answer"
    while time.monotonic() < deadline:
        if not is_running(pid):
            return "the server exited"
        try:
            status, _, _ = request(port, "GET", "/readyz")
            if status == 200:
                return None
            last = f"status {status}"
        except OSError as error:
            last = str(error)
        time.sleep(0.1)
    return f"/readyz not 200 within {seconds:g} s: {last}"


def documents(port: int, seeds: str) -> str | None:
    status, _, body = request(port, "GET", "/v1/documents?limit=100")
    if status != 200:
        return f"/v1/documents answered {status}"
    listed = sorted(item["id"] for item in json.loads(body)["data"])
    expected = sorted(path.stem for path in Path(seeds).glob("*.txt"))
    return None if listed == expected else f"/v1/documents lists {listed}, the seeds are {expected}"


def post(port: int, identifier: str) -> str | None:
    status, headers, body = request(port, "POST", "/v1/documents", article(identifier), "application/json", KEY)
    if status != 201 or headers.get("Location") != f"/v1/documents/{identifier}":
        return f"POST answered {status}, Location {headers.get('Location')}: {body[:200]!r}"
    return None


def refused(port: int, identifier: str) -> str | None:
    """A write without the key is 401 with a Bearer challenge, and stores nothing."""
    status, headers, body = request(port, "POST", "/v1/documents", article(identifier), "application/json")
    if status != 401 or not (headers.get("WWW-Authenticate") or "").startswith("Bearer"):
        return f"POST without a key answered {status}, WWW-Authenticate {headers.get('WWW-Authenticate')}: {body[:200]!r}"
    status, _, _ = request(port, "GET", f"/v1/documents/{identifier}")
    return None if status == 404 else f"the refused document is served ({status})"


def has(port: int, identifiers: list[str]) -> str | None:
    for identifier in identifiers:
        status, _, _ = request(port, "GET", f"/v1/documents/{identifier}")
        if status != 200:
            return f"GET /v1/documents/{identifier} answered {status}"
    return None


def connect(port: int) -> socket.socket:
    connection = socket.create_connection((HOST, port), timeout=5)
    connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return connection


def read_until_closed(connection: socket.socket) -> bytes:
    received = b""
    try:
        while chunk := connection.recv(65536):
            received += chunk
    except ConnectionResetError:
        pass
    return received


def drain(port: int, pid: int, identifier: str) -> str | None:
    """SIGTERM while connections are in every state a drain must handle.

    Idle keep-alive connections must be closed; a GET whose head is half sent and a POST
    whose body is half sent must still be answered (200, 201) after the signal; an event
    stream must be ended. The caller then checks the exit code and the time it took.
    """
    idle = []
    for _ in range(3):
        connection = connect(port)
        connection.sendall(f"GET /healthz HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode())
        if not connection.recv(65536).startswith(b"HTTP/1.1 200"):
            return "keep-alive /healthz did not answer 200"
        idle.append(connection)
    slow_get = connect(port)
    slow_get.sendall(f"GET /v1/documents?limit=1 HTTP/1.1\r\nHost: {HOST}\r\n".encode())
    body = article(identifier)
    slow_post = connect(port)
    slow_post.sendall(f"POST /v1/documents HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: application/json\r\n"
                      f"Authorization: Bearer {KEY}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body[:20])
    stream = connect(port)
    stream.sendall(f"GET /v1/events HTTP/1.1\r\nHost: {HOST}\r\nAccept: text/event-stream\r\n\r\n".encode())
    if not stream.recv(65536).startswith(b"HTTP/1.1 200"):
        return "/v1/events did not answer 200"
    time.sleep(0.5)  # the partial requests reach the server's socket buffers before the signal

    os.kill(pid, signal.SIGTERM)
    time.sleep(0.3)  # the drain starts: idle connections are closed, partial ones kept
    slow_get.sendall(b"\r\n")
    slow_post.sendall(body[20:])
    answers = {"GET in flight": (slow_get, b"HTTP/1.1 200"), "POST in flight": (slow_post, b"HTTP/1.1 201")}
    for name, (connection, expected) in answers.items():
        answer = read_until_closed(connection)
        if not answer.startswith(expected):
            return f"{name}: expected {expected.decode()}, got {answer[:80]!r}"
        connection.close()
    for connection in idle:
        if read_until_closed(connection):
            return "an idle keep-alive connection got bytes instead of being closed"
        connection.close()
    read_until_closed(stream)  # returns once the server ends the stream
    stream.close()
    return None


def main(arguments: list[str]) -> int:
    command, port = arguments[0], int(arguments[1])
    try:
        if command == "ready":
            failure = ready(port, int(arguments[2]), float(arguments[3]))
        elif command == "documents":
            failure = documents(port, arguments[2])
        elif command == "post":
            failure = post(port, arguments[2])
        elif command == "refused":
            failure = refused(port, arguments[2])
        elif command == "has":
            failure = has(port, arguments[2:])
        elif command == "drain":
            failure = drain(port, int(arguments[2]), arguments[3])
        else:
            failure = f"unknown command {command}"
    except (OSError, ValueError, KeyError) as error:
        failure = f"{type(error).__name__}: {error}"
    if failure:
        print(failure)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
