"""Time the web UI as a person meets it, in headless Chromium.

    python benchmarks/bench_ui.py [--repeat N]

Starts ``python app.py`` (template backend) as the browser tests do and measures:
start-up (process start to the first HTTP answer); from clicking *Advise me* to the
decision card, and to the first draft with its tone check; from an edit of the draft
to its re-check on screen; and the page height of the two-draft result at 390x844.
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
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.browser import CHROMIUM, CHROMIUM_ARGS, running_app


def one_run(browser: Any, url: str, viewport: dict[str, int]) -> dict[str, float]:
    page = browser.new_page(viewport=viewport)
    page.goto(url)
    page.get_by_role("button", name="Fill in an example").click()
    page.wait_for_function("document.querySelector('#candidate textarea, #candidate input').value !== ''")
    begin = time.perf_counter()
    page.get_by_role("button", name="Advise me").click()
    page.locator("#decision .decision-card").wait_for(state="visible", timeout=60_000)
    card = time.perf_counter() - begin
    page.locator("#tone .tone-report").wait_for(state="visible", timeout=60_000)
    page.wait_for_function("!document.querySelector('#body textarea').disabled")
    draft = time.perf_counter() - begin
    page.wait_for_function(
        "Math.abs(document.querySelector('#decision').getBoundingClientRect().top) < 60 || innerWidth >= 900"
    )
    height = float(page.evaluate("document.documentElement.scrollHeight"))
    body = page.locator("#body textarea")
    text = body.input_value().replace("Best regards,", "Please reply ASAP!!\n\nBest regards,")
    begin = time.perf_counter()
    body.fill(text)
    page.locator('#tone .finding[data-code="pushy.asap"]').wait_for(state="visible", timeout=60_000)
    recheck = time.perf_counter() - begin
    page.close()
    return {"card": card, "draft": draft, "recheck": recheck, "height": height}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    starts: list[float] = []
    runs: list[dict[str, float]] = []
    phone: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for run in range(args.repeat):
            with running_app(Path(folder) / f"t{run}.sqlite3") as (url, started):
                starts.append(started)
                runs.append(one_run(browser, url, {"width": 1400, "height": 1000}))
                phone.append(one_run(browser, url, {"width": 390, "height": 844}))
        browser.close()

    def median(key: str, rows: list[dict[str, float]]) -> float:
        return statistics.median(r[key] for r in rows)

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"runs: {args.repeat} (each a fresh app); medians; template backend")
    print(f"app start-up (process start to first HTTP answer): {statistics.median(starts):.1f} s")
    print(f"click 'Advise me' to the decision card: {median('card', runs) * 1000:.0f} ms")
    print(f"click 'Advise me' to the first draft, checked and editable: {median('draft', runs) * 1000:.0f} ms")
    print(f"edit a draft to its re-check on screen: {median('recheck', runs) * 1000:.0f} ms")
    print(f"page height of the two-draft result at 390x844: {median('height', phone):.0f} px")


if __name__ == "__main__":
    main()
