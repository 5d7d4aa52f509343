"""Time the web UI: start-up, and from clicking "Advise me" to the first draft on screen.

    python benchmarks/bench_ui.py [--repeat N]

Starts ``python app.py`` (template backend) as the browser tests do, measures how long
until it answers HTTP, then in headless Chromium fills the example and clicks submit
N times, timing until the first draft's tone report is visible.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.browser import CHROMIUM, CHROMIUM_ARGS, running_app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    starts, clicks = [], []
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for run in range(args.repeat):
            with running_app(Path(folder) / f"t{run}.sqlite3") as (url, started):
                starts.append(started)
                page = browser.new_page()
                page.goto(url)
                page.get_by_role("button", name="Fill in an example").click()
                page.locator("#candidate textarea, #candidate input").first.wait_for()
                page.wait_for_function("document.querySelector('#candidate textarea, #candidate input').value !== ''")
                begin = time.perf_counter()
                page.get_by_role("button", name="Advise me").click()
                page.locator("#tone-0 .tone-report").wait_for(state="visible", timeout=60_000)
                clicks.append(time.perf_counter() - begin)
                page.close()
        browser.close()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"app start-up (process start to first HTTP answer): median {statistics.median(starts):.1f} s")
    print(
        "click 'Advise me' to the first draft visible (template backend): "
        f"median {statistics.median(clicks) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
