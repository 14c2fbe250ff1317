#!/usr/bin/env python3
"""Load and fault scenarios for the Dossier server (the hardening issue's five goals).

Usage:
    python3 Tests/Load/faults.py --binary .build/release/dossier [--short] [SCENARIO ...]
    python3 Tests/Load/faults.py --list

Each scenario starts its own `dossier serve --port 0` (fresh data directory, its own
limits), drives it from this process with asyncio (the slowloris attacker runs in a child
process), prints a PASS or FAIL line with its figures, and stops the server. The run
exits 1 if any scenario fails. Servers' stderr is kept in --log-dir.

Standard library only. Traffic goes to 127.0.0.1 only, and every loop is bounded in time.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dossierload.context import Context  # noqa: E402
from dossierload.report import Result  # noqa: E402
from dossierload.scenarios import SCENARIOS  # noqa: E402


def raise_descriptor_limit() -> None:
    """This process holds a thousand sockets and more: lift its soft limit to the hard one."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    if hard < 4096:
        print(f"warning: RLIMIT_NOFILE hard limit is {hard}; the 1,000-connection scenarios need ~2,500",
              file=sys.stderr)


def machine_line() -> str:
    """Load average and cores: the figures below are only as quiet as the machine."""
    one, five, _ = os.getloadavg()
    return f"machine: {os.cpu_count()} cores, load average {one:.2f} (1 min) {five:.2f} (5 min)"


async def run_one(name: str, ctx: Context) -> Result:
    started = time.monotonic()
    try:
        result = await SCENARIOS[name].run(ctx)
    except Exception as error:  # noqa: BLE001 - a crashed scenario is a failed scenario
        result = Result(name)
        result.check("ran to the end", False, f"{type(error).__name__}: {error}")
        result.note(traceback.format_exc().rstrip().replace("\n", "\n    "))
    result.seconds = time.monotonic() - started
    return result


async def main_async(options: argparse.Namespace) -> int:
    # SIGTERM cancels the run, so every scenario's `with server:` block stops its server.
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, asyncio.current_task().cancel)
    ctx = Context(binary=options.binary, seeds=options.seeds, log_dir=options.log_dir, short=options.short,
                  data_parent=options.data_parent)
    names = options.scenarios or list(SCENARIOS)
    print(f"== dossier load scenarios ({'short' if options.short else 'full'}): {', '.join(names)}")
    print(machine_line() + " (other jobs share these cores: latency figures are noisy)")
    print(f"server stderr logs: {options.log_dir}; data directories under {options.data_parent or tempfile.gettempdir()}",
          flush=True)
    results = []
    for name in names:
        print(f"-- {name}", flush=True)
        result = await run_one(name, ctx)
        print(result.render(), flush=True)
        results.append(result)
    print("== summary")
    for result in results:
        print(f"{'PASS' if result.passed else 'FAIL'} {result.scenario} ({result.seconds:.1f}s)")
    passed = sum(result.passed for result in results)
    print(machine_line())
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description="Load and fault scenarios for the Dossier server.")
    parser.add_argument("scenarios", nargs="*", metavar="SCENARIO",
                        help=f"scenarios to run (default: all): {', '.join(SCENARIOS)}")
    parser.add_argument("--binary", default=".build/release/dossier", help="the release dossier executable")
    parser.add_argument("--seeds", default="seeds", help="seeds folder for the servers")
    parser.add_argument("--short", action="store_true", help="brief runs (CI): about 3 minutes in all")
    parser.add_argument("--log-dir", default=None, help="where server stderr logs go (default: a temp dir)")
    parser.add_argument("--data-parent", default=None,
                        help="where servers' data directories go (default: /dev/shm if writable, else the temp dir)")
    parser.add_argument("--list", action="store_true", help="list the scenarios and exit")
    options = parser.parse_args()
    if options.list:
        for name, module in SCENARIOS.items():
            print(f"{name:14} {(module.__doc__ or '').strip().splitlines()[0]}")
        return 0
    unknown = [name for name in options.scenarios if name not in SCENARIOS]
    if unknown:
        parser.error(f"unknown scenario {', '.join(unknown)}; choose from {', '.join(SCENARIOS)}")
    if not os.access(options.binary, os.X_OK):
        parser.error(f"no executable at {options.binary} (build it: swift build -c release --product dossier)")
    options.binary = str(Path(options.binary).resolve())
    options.seeds = str(Path(options.seeds).resolve())
    options.log_dir = options.log_dir or tempfile.mkdtemp(prefix="dossier-load-logs-")
    if options.data_parent is None and os.access("/dev/shm", os.W_OK):
        options.data_parent = "/dev/shm"
    raise_descriptor_limit()
    try:
        return asyncio.run(main_async(options))
    except (asyncio.CancelledError, KeyboardInterrupt):
        print("interrupted: servers stopped", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
