"""The eval report in a real browser: a known harmful prompt change, opened from disk offline.

The dummy model of test_evals follows any `Always add: "..."` line of a prompt, so adding
one that demands a decision by Friday to the thank-you prompt is a known regression:
every thank-you's first attempt now carries that sentence and is rejected by the tone
check. The report of that change is opened from disk in Debian's Chromium with every
request that is not file:// aborted. Skipped like test_browser.py when Playwright or
Chromium is missing, unless FOLLOWUP_REQUIRE_BROWSER=1. Screenshots go to
test-artifacts/screenshots/.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from followup.drafting.prompts import DEFAULT_DIR
from followup.evals import command
from followup.evals.reports import write
from followup.evals.runner import CaseResult, DraftResult, RejectedAttempt

from .browser import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, browser_available
from .test_evals import Obedient, _args, _Fixed, _prompts_with

if not browser_available():
    if os.environ.get("FOLLOWUP_REQUIRE_BROWSER") == "1":
        raise RuntimeError("FOLLOWUP_REQUIRE_BROWSER=1 but Playwright or Chromium is missing")
    pytest.skip("Playwright or Debian's chromium is not installed", allow_module_level=True)

from playwright.sync_api import Page, expect, sync_playwright

ADDED = "Please let me know your decision by Friday."
WIDTH, HEIGHT = 1280, 800


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """followup eval --baseline prompts/ --prompts HARMFUL --report DIR, with the dummy model."""
    tmp = tmp_path_factory.mktemp("harmful")
    harmful = _prompts_with(tmp, f'Always add: "{ADDED}"')
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(command, "_backends", lambda args: _Fixed(Obedient()))
        out = io.StringIO()
        code = command.run(_args(prompts=harmful, baseline=str(DEFAULT_DIR), report=tmp / "report"), out)
    assert code == 1
    assert "REGRESSION" in out.getvalue()
    return tmp / "report"


@pytest.fixture(scope="module")
def browser(report: Path) -> Iterator[Any]:
    """Chromium, started after the report is written: the eval runs its own event loop, which
    cannot start inside the one Playwright runs in this thread."""
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Page]:
    """A page at 1280x800 that can reach nothing but files: any other request is aborted and recorded."""
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    outside: list[str] = []

    def only_files(route: Any) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_files)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert outside == [], f"the report asked the network for {outside}"
    assert errors == [], f"the report's script failed: {errors}"


def shot(page: Page, name: str, full: bool = False) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full)


def _open(page: Page, report: Path) -> None:
    page.goto((report / "report.html").as_uri())
    expect(page.locator("#verdict")).to_be_visible()


def _changed(report: Path) -> set[str]:
    """From results.json, independently of the page: cases whose verdict flipped, or whose
    drafts or rejected attempts read differently."""
    data = json.loads((report / "results.json").read_text())
    base = {r["case_id"]: r for r in data["baseline"]}
    out = set()
    for cand in data["candidate"]:
        old = base[cand["case_id"]]

        def texts(result: dict[str, Any]) -> list[Any]:
            return [(d["recipient"], d["body"], [a["text"] for a in d["rejected"]]) for d in result["drafts"]]

        if old["passed"] != cand["passed"] or texts(old) != texts(cand):
            out.add(cand["case_id"])
    return out


def _visible_cases(page: Page) -> set[str]:
    return set(page.locator("#matrix tbody tr:visible").evaluate_all("rows => rows.map(r => r.dataset.case)"))


def test_the_first_screen_shows_the_verdict_the_metrics_and_the_per_prompt_picture(page: Page, report: Path) -> None:
    _open(page, report)
    verdict = page.locator("#verdict")
    expect(verdict).to_have_attribute("data-verdict", "regression")
    expect(verdict.locator("strong")).to_have_text("REGRESSION")
    expect(page).to_have_title("Eval report · REGRESSION")
    first = page.locator('#metrics tr[data-metric="first_attempt_pass_rate"]')
    expect(first).to_have_class("worse")
    expect(first.locator(".badge")).to_have_text("worse")
    expect(page.locator('.panel[data-prompt="thank_you"]')).to_have_class("panel worse")
    expect(page.locator('.panel[data-prompt="check_in"]')).to_have_class("panel ")
    assert page.evaluate("window.scrollY") == 0
    boxes = {}
    for selector in ("#verdict", "#metrics", "#per-prompt"):
        box = boxes[selector] = page.locator(selector).bounding_box()
        assert box is not None
        assert box["y"] >= 0
        assert box["y"] + box["height"] <= HEIGHT, f"{selector} ends at {box['y'] + box['height']}px, below the fold"
        assert box["x"] + box["width"] <= WIDTH, f"{selector} is cut off on the right"
    assert boxes["#metrics"]["x"] + boxes["#metrics"]["width"] <= boxes["#per-prompt"]["x"], "they overlap"
    shot(page, "eval-1-first-screen")


def test_changed_only_shows_exactly_the_changed_cases(page: Page, report: Path) -> None:
    _open(page, report)
    changed = _changed(report)
    assert 0 < len(changed) < 90
    all_cases = _visible_cases(page)
    assert len(all_cases) == len(json.loads((report / "results.json").read_text())["candidate"])
    page.locator("#f-changed").check()
    assert _visible_cases(page) == changed
    expect(page.locator("#shown")).to_have_text(f"{len(changed)} of {len(all_cases)} cases")
    shown = page.locator("details.case:visible").evaluate_all("items => items.map(i => i.dataset.case)")
    assert set(shown) == changed
    page.locator("#cases-matrix").scroll_into_view_if_needed()
    shot(page, "eval-2-changed-only")
    page.locator("#f-changed").uncheck()
    assert _visible_cases(page) == all_cases


def test_the_other_filters(page: Page, report: Path) -> None:
    _open(page, report)
    page.locator("#f-tag").select_option("panel")
    rows = page.locator("#matrix tbody tr:visible")
    assert rows.count() >= 3
    assert all("panel" in tags.split() for tags in rows.evaluate_all("rs => rs.map(r => r.dataset.tags)"))
    page.locator("#f-tag").select_option("")
    page.locator("#f-prompt").select_option("escalation")
    assert all("escalation" in p.split() for p in rows.evaluate_all("rs => rs.map(r => r.dataset.prompts)"))
    page.locator("#f-prompt").select_option("")
    page.locator("#f-search").fill("hostile-injection-in-a-topic")
    assert _visible_cases(page) == {"hostile-injection-in-a-topic"}
    page.locator("#f-search").fill("")
    page.locator("#f-failed").check()
    failing = rows.evaluate_all("rs => rs.map(r => r.dataset.failed)")
    assert set(failing) <= {"1"}
    page.locator("#f-failed").uncheck()
    page.locator('.panel[data-prompt="linkedin_note"]').click()
    expect(page.locator("#f-prompt")).to_have_value("linkedin_note")


def test_a_diff_highlights_the_inserted_words_and_the_tone_findings(page: Page, report: Path) -> None:
    _open(page, report)
    data = json.loads((report / "results.json").read_text())
    case = next(
        r["case_id"]
        for r in data["candidate"]
        if any(ADDED in (a["text"] or "") for d in r["drafts"] for a in d["rejected"])
    )
    page.locator("#f-changed").check()
    page.locator(f'#matrix tr[data-case="{case}"] a').click()
    item = page.locator(f'details.case[data-case="{case}"]')
    expect(item).to_have_attribute("open", "")
    rejected = item.locator(".side.candidate details.rejected").first
    expect(rejected.locator("summary")).to_contain_text("differs from the baseline")
    rejected.locator("summary").click()
    attempt = rejected.locator(".attempt").first
    expect(attempt).to_contain_text("rejected")
    inserted = attempt.locator("ins")
    expect(inserted.first).to_be_visible()
    assert ADDED in "".join(inserted.all_text_contents())
    expect(attempt.locator("mark.block").first).to_be_visible()
    assert attempt.locator("ins", has_text="Thank you").count() == 0, "only the added words are marked"
    item.scroll_into_view_if_needed()
    rejected.scroll_into_view_if_needed()
    shot(page, "eval-3-inserted-words")
    item.locator("details.json > summary").click()
    expect(item.locator("details.json pre")).to_contain_text(f'"case_id": "{case}"')


def test_text_from_a_case_or_a_model_is_shown_as_text(page: Page, tmp_path: Path) -> None:
    hostile = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'
    draft = DraftResult(
        recipient="Ana <b>Bold</b>", prompt_id="thank_you", source="model", attempts=2, first_pass=False,
        final_pass=True, faithfulness_violations=0, mention_coverage=1.0, forbidden_found=[], length_ok=True,
        tokens=1, latency_s=0.0, cached=True, body=f"Dear Ana,\n\n{hostile}\n", findings=[], fallback_reason=None,
        rejected=[RejectedAttempt(1, hostile, "pushy.asap </details>")],
    )  # fmt: skip
    result = CaseResult("case-<i>x</i>", 0, ["<u>tag</u>"], True, "be_proactive (now)", "be_proactive (now)", [draft])
    write(tmp_path, [result], None, "# summary\n", {"backend": "dummy", "repeat": 1})
    page.goto((tmp_path / "report.html").as_uri())
    expect(page.locator("pre.body").first).to_contain_text(hostile)
    assert page.evaluate("window.pwned") is None
    assert page.locator("img").count() == 0
    expect(page.locator("#matrix tbody tr").first).to_contain_text("case-<i>x</i>")
