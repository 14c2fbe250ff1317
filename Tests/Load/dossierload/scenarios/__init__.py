"""The scenarios, in the order `faults.py` runs them. Each module has `async def run(ctx) -> Result`."""

from . import abuse, fdlimit, flood, keepalive, shutdown, slowloris, vanish

#: name -> module; the names are what `faults.py` accepts on its command line.
SCENARIOS = {
    "keepalive": keepalive,
    "slowloris": slowloris,
    "flood": flood,
    "fd-exhaustion": fdlimit,
    "vanish": vanish,
    "shutdown": shutdown,
    "abuse": abuse,
}
