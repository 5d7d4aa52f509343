"""The web UI in a real browser: Debian's headless Chromium driven by Playwright.

Skipped when Playwright or Chromium is missing, unless FOLLOWUP_REQUIRE_BROWSER=1 (as
.ci/run sets), which makes that a failure. Screenshots of each page state go to
test-artifacts/screenshots/ (the run prints the folder).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from .browser import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, browser_available, free_port, running_app

if not browser_available():
    if os.environ.get("FOLLOWUP_REQUIRE_BROWSER") == "1":
        raise RuntimeError("FOLLOWUP_REQUIRE_BROWSER=1 but Playwright or Chromium is missing")
    pytest.skip("Playwright or Debian's chromium is not installed", allow_module_level=True)

from playwright.sync_api import Page, expect, sync_playwright


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def app(tmp_path: Path) -> Iterator[str]:
    with running_app(tmp_path / "tracker.sqlite3") as (url, _):
        yield url


@pytest.fixture
def page(browser: Any) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1100})
    yield context.new_page()
    context.close()


# Gradio sometimes renders a tab's button twice (a hidden copy for its overflow menu), so
# tab locators take the first match.


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def advise_example(page: Page, url: str) -> None:
    page.goto(url)
    page.get_by_role("button", name="Fill in an example").click()
    expect(page.locator("#candidate textarea, #candidate input").first).to_have_value("Alex Morgan")
    page.get_by_role("button", name="Advise me").click()
    expect(page.locator("#tone-0 .tone-report")).to_be_visible(timeout=30_000)


def test_an_interview_two_days_ago_gets_be_proactive_and_a_draft_per_interviewer(app: str, page: Page) -> None:
    advise_example(page, app)
    card = page.locator("#decision .decision-card")
    expect(card).to_have_attribute("data-action", "be_proactive")
    expect(card.locator('li[aria-current="step"]')).to_have_text("Be proactive")
    expect(card.locator(".reason")).to_contain_text("no thank-you has gone out yet")
    expect(page.get_by_role("tab", name="Priya Shah").first).to_be_visible()
    expect(page.get_by_role("tab", name="Tom Becker").first).to_be_visible()
    expect(page.locator('#tone-0 .tone-report[data-passed="true"] .verdict')).to_have_text("passes the tone check")
    expect(page.locator("#body-0 textarea")).to_have_value(re.compile(r"^Dear Priya,"))
    assert page.locator("#tone-0 .badge").count() == 9
    shot(page, "1-form-be-proactive")
    page.get_by_role("tab", name="Tom Becker").first.click()
    expect(page.locator('#tone-1 .tone-report[data-passed="true"]')).to_be_visible()
    expect(page.locator("#body-1 textarea")).to_have_value(re.compile(r"^Dear Tom,"))
    shot(page, "1b-second-interviewer")


def test_editing_a_draft_rechecks_it_and_marks_the_phrase(app: str, page: Page) -> None:
    advise_example(page, app)
    body = page.locator("#body-0 textarea")
    body.fill(body.input_value().replace("Best regards,", "Please reply ASAP!!\n\nBest regards,"))
    finding = page.locator('#tone-0 .finding.block[data-code="pushy.asap"]')
    expect(finding).to_be_visible(timeout=15_000)
    expect(finding).to_have_attribute("data-quote", "ASAP")
    expect(page.locator('#tone-0 .tone-report[data-passed="false"]')).to_be_visible()
    expect(page.locator("#tone-0 mark", has_text="ASAP")).to_be_visible()
    expect(page.locator('#tone-0 .finding[data-code="desperate.exclamations"]')).to_have_attribute("data-quote", "!!")
    shot(page, "2-edited-draft-blocked")


def test_the_chat_goes_from_free_text_to_a_draft(app: str, page: Page) -> None:
    page.goto(app)
    page.get_by_role("tab", name="Chat").first.click()
    said = page.locator("#chat-input textarea")
    said.fill(
        "I met Priya Shah, Head of Data at Northwind, yesterday for the analyst role; she said they'd decide by next Friday."
    )
    said.press("Enter")
    expect(page.locator("#chatbot")).to_contain_text("What is your name", timeout=15_000)
    said.fill("Alex Morgan")
    said.press("Enter")
    expect(page.locator("#chatbot")).to_contain_text("Dear Priya,", timeout=15_000)
    expect(page.locator("#chatbot")).to_contain_text("Be proactive")
    expect(page.locator("#chatbot")).to_contain_text("passed the tone check")
    shot(page, "3-chat-draft")
    said.fill("I sent it")
    said.press("Enter")
    expect(page.locator("#chatbot")).to_contain_text("Noted: sent today", timeout=15_000)
    shot(page, "3b-chat-sent")


def test_a_saved_interview_is_still_there_after_a_restart(tmp_path: Path, page: Page) -> None:
    db = tmp_path / "tracker.sqlite3"
    port = free_port()
    with running_app(db, port) as (url, _):
        advise_example(page, url)
        page.get_by_role("button", name="Save to the tracker").first.click()
        expect(page.locator("#saved")).to_contain_text("Saved to the tracker as interview 1", timeout=15_000)
        shot(page, "4-saved")
    with running_app(db, port) as (url, _):
        page.goto(url)
        page.get_by_role("tab", name="Tracker").first.click()
        expect(page.locator("#tracker-table")).to_contain_text("Northwind Analytics", timeout=15_000)
        expect(page.locator("#due")).to_contain_text("Be proactive")
        expect(page.locator("#due")).to_contain_text("Senior Data Analyst at Northwind Analytics")
        shot(page, "4b-tracker-after-restart")


def test_an_interview_in_the_future_gets_a_field_named_error(app: str, page: Page) -> None:
    page.goto(app)
    page.get_by_role("button", name="Fill in an example").click()
    expect(page.locator("#candidate textarea, #candidate input").first).to_have_value("Alex Morgan")
    future = (date.today() + timedelta(days=10)).isoformat()
    for selector, value in (
        ("#interview-date", future),
        ("#promised", (date.today() + timedelta(days=20)).isoformat()),
    ):
        field = page.locator(f"{selector} input").first
        field.fill(value)
        field.press("Enter")
    page.get_by_role("button", name="Advise me").click()
    errors = page.locator("#form-errors")
    expect(errors).to_contain_text("interview_date", timeout=15_000)
    expect(errors).to_contain_text("the interview has not happened yet")
    expect(page.locator("body")).not_to_contain_text("Traceback")
    shot(page, "5-future-date-error")
