"""Starts a `dossier serve` process for one scenario and observes it through /proc.

Each scenario gets its own server (fresh data directory, its own limits), started with
`--port 0`; the port is read from the stderr line `listening on http://127.0.0.1:PORT`.
Stderr is kept (in memory and in a log file) so scenarios can check what the server logged.
The server is always stopped by its own PID: SIGTERM, then SIGKILL if it does not exit.
"""

from __future__ import annotations

import ctypes
import os
import re
import resource
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path

LISTENING = re.compile(r"listening on http://127\.0\.0\.1:(\d+)")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PR_SET_PDEATHSIG = 1
# Loaded here, not in the forked child, where only async-signal-safe work should happen.
_LIBC = ctypes.CDLL(None, use_errno=True)


class ServerError(Exception):
    """The server did not start, or died when it should not have."""


class DossierServer:
    """One `dossier serve` process.

    Parameters:
        binary: the release `dossier` executable.
        seeds: the seeds folder.
        args: extra `serve` flags (limits, timeouts).
        nofile: if set, RLIMIT_NOFILE (soft and hard) for the server, set before exec.
        log_dir: where to keep `<name>.stderr.log`.
        data_parent: where to make the data directory (default: the system temp dir).
        env: variables added to this process's environment for the server.
    """

    def __init__(self, binary: str, seeds: str, name: str, *, args: list[str] | None = None,
                 nofile: int | None = None, log_dir: str | None = None, data_parent: str | None = None,
                 env: dict[str, str] | None = None) -> None:
        self.binary = binary
        self.seeds = seeds
        self.name = name
        self.args = list(args or [])
        self.nofile = nofile
        self.log_dir = Path(log_dir or tempfile.gettempdir())
        self.data_parent = data_parent
        self.env = dict(env or {})
        self.data_dir: str | None = None
        self.process: subprocess.Popen | None = None
        self.port = 0
        self._lines: list[tuple[float, str]] = []
        self._lines_lock = threading.Lock()
        self._reader: threading.Thread | None = None
        self._log_file = None

    # MARK: lifecycle

    def start(self, timeout: float = 60.0) -> "DossierServer":
        self.data_dir = tempfile.mkdtemp(prefix=f"dossier-load-{self.name}-", dir=self.data_parent)
        command = [self.binary, "serve", "--port", "0", "--seeds", self.seeds, "--data-dir", self.data_dir,
                   "--no-access-log", *self.args]
        limit = self.nofile

        def prepare_child() -> None:
            # Killed if this harness dies without stopping it: no server outlives a run.
            _LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
            if limit is not None:
                resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))

        self.log_dir.mkdir(parents=True, exist_ok=True)
        self._log_file = open(self.log_dir / f"{self.name}.stderr.log", "w", encoding="utf-8")
        shown_env = " ".join(f"{name}={value}" for name, value in self.env.items())
        self._log_file.write(f"$ {shown_env + ' ' if shown_env else ''}{' '.join(command)}"
                             + (f"  (RLIMIT_NOFILE {limit})" if limit else "") + "\n")
        self.process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            preexec_fn=prepare_child, close_fds=True, env={**os.environ, **self.env})
        self._reader = threading.Thread(target=self._read_stderr, name=f"{self.name}-stderr", daemon=True)
        self._reader.start()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for _, line in self.lines():
                match = LISTENING.search(line)
                if match:
                    self.port = int(match.group(1))
                    return self
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        self.stop()
        raise ServerError(f"{self.name}: server did not report its port; stderr:\n{self.stderr_text()}")

    def _read_stderr(self) -> None:
        assert self.process is not None and self.process.stderr is not None
        for raw in self.process.stderr:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            with self._lines_lock:
                self._lines.append((time.monotonic(), line))
            if self._log_file:
                self._log_file.write(line + "\n")
                self._log_file.flush()

    def signal(self, number: int) -> None:
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, number)

    def wait(self, timeout: float) -> int | None:
        """The exit code, or None if still running after `timeout` seconds."""
        assert self.process is not None
        try:
            code = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            return None
        if self._reader:
            self._reader.join(5)  # the end of stderr, so the last lines are in
        return code

    def stop(self) -> int | None:
        """Stops the server if it still runs (SIGTERM, then SIGKILL), removes its data directory."""
        code = None
        if self.process is not None:
            if self.process.poll() is None:
                self.signal(signal.SIGTERM)
                code = self.wait(15)
                if code is None:
                    self.process.kill()
                    code = self.wait(5)
            else:
                code = self.process.returncode
        if self._reader:
            self._reader.join(5)
        if self._log_file:
            self._log_file.close()
            self._log_file = None
        if self.data_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)
            self.data_dir = None
        return code

    def __enter__(self) -> "DossierServer":
        return self.start()

    def __exit__(self, *_) -> None:
        self.stop()

    # MARK: observation

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def lines(self, since: float = 0.0) -> list[tuple[float, str]]:
        """Stderr lines with the monotonic time each was read, from `since` on."""
        with self._lines_lock:
            return [(t, line) for (t, line) in self._lines if t >= since]

    def count_lines(self, pattern: str, since: float = 0.0) -> int:
        compiled = re.compile(pattern)
        return sum(1 for _, line in self.lines(since) if compiled.search(line))

    def stderr_text(self, since: float = 0.0, limit: int = 40) -> str:
        lines = [line for _, line in self.lines(since)]
        if len(lines) > limit:
            lines = lines[: limit // 2] + [f"... ({len(lines) - limit} lines) ..."] + lines[-limit // 2:]
        return "\n".join(lines)

    def rss_kib(self) -> int:
        """VmRSS in KiB."""
        with open(f"/proc/{self.pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        raise ServerError("no VmRSS")

    def fd_count(self) -> int:
        """Open file descriptors (`ls /proc/PID/fd | wc -l`)."""
        return len(os.listdir(f"/proc/{self.pid}/fd"))

    def thread_count(self) -> int:
        return len(os.listdir(f"/proc/{self.pid}/task"))

    def cpu_seconds(self) -> float:
        """User + system CPU time the server has used."""
        with open(f"/proc/{self.pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime (fields 14, 15)

    def wait_for_fds(self, at_most: int, timeout: float) -> tuple[int, float]:
        """Polls until the fd count is at most `at_most`; returns (count, seconds waited)."""
        started = time.monotonic()
        count = self.fd_count()
        while count > at_most and time.monotonic() - started < timeout:
            time.sleep(0.1)
            count = self.fd_count()
        return count, time.monotonic() - started
