"""The worst case of advise() against model servers that misbehave, on loopback.

    python benchmarks/bench_deadline.py [--deadline SECONDS]

A server that never answers, one that drips a byte every half second, and one that
answers with 5 MB: the wall time of one advise() for one recipient and for a panel of
three, against the deadline, and the size of the result as JSON.
"""

from __future__ import annotations

import argparse
import platform
import socket
import sys
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_deadline import Handler, _backend, _guarded, dripping, huge, silent  # noqa: E402

from followup import advise, load_notes  # noqa: E402


def serve(handler: Handler, stop: threading.Event) -> str:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.2)

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            threading.Thread(target=_guarded, args=(handler, conn, stop), daemon=True).start()
        server.close()

    threading.Thread(target=accept, daemon=True).start()
    return f"http://127.0.0.1:{server.getsockname()[1]}/v1"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--deadline", type=float, default=30.0)
    args = parser.parse_args()
    one = load_notes(ROOT / "examples" / "northwind.yaml")
    panel = load_notes(ROOT / "evals" / "tone" / "notes" / "acme.yaml").model_copy(update={"history": []})
    stop = threading.Event()
    print(f"deadline {args.deadline:g} s; {platform.machine()}, Python {platform.python_version()}")
    for name, handler in (("silent", silent), ("dripping", dripping), ("5 MB answer", huge)):
        for label, notes, today in (("1 draft", one, date(2026, 11, 26)), ("panel of 3", panel, date(2026, 11, 4))):
            url = serve(handler, stop)
            start = time.monotonic()
            advice = advise(notes, today=today, backend=_backend(url), deadline=args.deadline)
            elapsed = time.monotonic() - start
            size = len(advice.model_dump_json().encode())
            print(f"{name:<12} {label:<11} {elapsed:6.2f} s  result {size / 1024:6.1f} KiB")
    stop.set()


if __name__ == "__main__":
    main()
