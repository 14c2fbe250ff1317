"""Scenario results: figures, checks, and the PASS/FAIL line each scenario prints."""

from __future__ import annotations

import math
from dataclasses import dataclass, field


def percentile(values: list[float], fraction: float) -> float | None:
    """Nearest-rank percentile of `values` (None when empty)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def ms(seconds: float | None) -> str:
    """Seconds as a short millisecond figure."""
    return "-" if seconds is None else f"{seconds * 1000:.2f}ms"


def mib(kib: int) -> str:
    return f"{kib / 1024:.1f}MiB"


@dataclass
class Check:
    """One pass/fail condition with the figures that decided it."""
    name: str
    passed: bool
    detail: str


@dataclass
class Result:
    """What one scenario found: its checks, its figures (for the summary), notes."""
    scenario: str
    checks: list[Check] = field(default_factory=list)
    figures: dict[str, object] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def check(self, name: str, passed: bool, detail: str) -> bool:
        self.checks.append(Check(name, bool(passed), detail))
        return bool(passed)

    def note(self, text: str) -> None:
        self.notes.append(text)

    @property
    def passed(self) -> bool:
        return bool(self.checks) and all(check.passed for check in self.checks)

    def render(self) -> str:
        lines = []
        for check in self.checks:
            lines.append(f"  [{'ok' if check.passed else 'FAIL'}] {check.name}: {check.detail}")
        for note in self.notes:
            lines.append(f"  note: {note}")
        failed = [check.name for check in self.checks if not check.passed]
        summary = "; ".join(f"{key}={value}" for key, value in self.figures.items())
        verdict = "PASS" if self.passed else "FAIL"
        tail = f" (failed: {', '.join(failed)})" if failed else ""
        lines.append(f"{verdict} {self.scenario} [{self.seconds:.1f}s]: {summary}{tail}")
        return "\n".join(lines)
