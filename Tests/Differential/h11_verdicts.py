"""Writes h11-verdicts.json: what h11, a strict reference HTTP/1.1 parser, makes of each case.

Usage: python3 Tests/Differential/h11_verdicts.py   (needs h11==0.16.0, e.g. in a venv)

The Swift test ParserDifferentialTests compares our parser's verdict on the same bytes with
this file, and lists every intentional difference with its reason.
"""

import base64
import json
import pathlib

import h11

from cases import CASES


def verdict(data):
    """'accepted' with the parsed request, 'rejected' with h11's reason, or 'incomplete'."""
    connection = h11.Connection(h11.SERVER)
    connection.receive_data(data)
    request = None
    body = b""
    try:
        while True:
            event = connection.next_event()
            if event is h11.NEED_DATA or event is h11.PAUSED:
                return {"verdict": "incomplete"}
            if isinstance(event, h11.Request):
                request = event
            elif isinstance(event, h11.Data):
                body += event.data
            elif isinstance(event, h11.EndOfMessage):
                return {
                    "verdict": "accepted",
                    "method": request.method.decode("latin-1"),
                    "target": request.target.decode("latin-1"),
                    "version": request.http_version.decode("latin-1"),
                    # Field values as UTF-8, as our parser exposes them.
                    "headers": [[name.decode("latin-1"), value.decode("utf-8", "replace")] for name, value in request.headers],
                    "body": base64.b64encode(body).decode("ascii"),
                }
    except h11.RemoteProtocolError as error:
        return {"verdict": "rejected", "reason": str(error)}


def main():
    here = pathlib.Path(__file__).resolve().parent
    results = {name: verdict(data) for name, data in CASES}
    cases = {name: base64.b64encode(data).decode("ascii") for name, data in CASES}
    document = {"h11": h11.__version__, "cases": cases, "verdicts": results}
    (here / "h11-verdicts.json").write_text(json.dumps(document, indent=1, sort_keys=True) + "\n")
    print(f"{len(results)} cases written with h11 {h11.__version__}")


if __name__ == "__main__":
    main()
