"""The web UI in a real browser: Debian's headless Chromium driven by Playwright.

Skipped when Playwright or Chromium is missing, unless FOLLOWUP_REQUIRE_BROWSER=1 (as
.ci/run sets), which makes that a failure. Each test waits for a condition on the page,
never for a fixed time. Screenshots of each state, at desktop size and at 390x844, go to
test-artifacts/screenshots/.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from icalendar import Calendar

from followup import load_notes
from followup.decision import Decision
from followup.models import InterviewNotes
from followup.policy import decide
from followup.presentation import CalendarEvent, calendar_event, view
from followup.ui import forms
from followup.wording import day

from .browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    SCREENSHOTS,
    before_sign_off,
    browser_available,
    free_port,
    running_app,
)

if not browser_available():
    if os.environ.get("FOLLOWUP_REQUIRE_BROWSER") == "1":
        raise RuntimeError("FOLLOWUP_REQUIRE_BROWSER=1 but Playwright or Chromium is missing")
    pytest.skip("Playwright or Debian's chromium is not installed", allow_module_level=True)

from playwright.sync_api import Page, expect, sync_playwright


def _example() -> tuple[InterviewNotes, Decision]:
    """The example on the day the test runs: "Fill in an example" dates the interview from
    today, so how many steps its plan has (a value-add fits in or not) and which comes next
    depend on the weekday."""
    notes = forms.example_notes(load_notes(ROOT / "examples" / "northwind.yaml"), date.today())
    return notes, decide(notes, date.today())


def example_plan() -> list[Any]:
    """The marks of the example's plan on the day the test runs."""
    return view(_example()[1]).marks


def example_next_event() -> CalendarEvent:
    """The calendar event for the example's step after today's."""
    event = calendar_event(*_example(), after_today=True)
    assert event is not None
    return event


DESKTOP = {"width": 1400, "height": 1000}
PHONE = {"width": 390, "height": 844}
HOSTILE = "<img src=x onerror=window.__pwned=1><script>window.__pwned=2</script>"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def shared_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One app for the tests that do not count what is in the tracker."""
    with running_app(tmp_path_factory.mktemp("shared") / "tracker.sqlite3") as (url, _):
        yield url


@pytest.fixture
def app(tmp_path: Path) -> Iterator[str]:
    """An app with an empty tracker of its own."""
    with running_app(tmp_path / "tracker.sqlite3") as (url, _):
        yield url


#: The template engine varies its greeting from one interview to the next.
GREETING = "(?:Dear|Hello|Hi)"


def _page(browser: Any, viewport: dict[str, int]) -> Iterator[Page]:
    context = browser.new_context(viewport=viewport, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Page]:
    yield from _page(browser, DESKTOP)


@pytest.fixture
def phone(browser: Any) -> Iterator[Page]:
    yield from _page(browser, PHONE)


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def field(page: Page, elem_id: str) -> Any:
    return page.locator(f"#{elem_id} textarea, #{elem_id} input").first


def fill_example(page: Page, url: str) -> None:
    page.goto(url)
    page.get_by_role("button", name="Fill in an example").click()
    expect(field(page, "candidate")).to_have_value("Alex Morgan")
    expect(field(page, "person-1-name")).to_have_value("Tom Becker")


def advise(page: Page) -> None:
    page.get_by_role("button", name="Advise me").click()
    expect(page.locator("#tone .tone-report")).to_be_visible()
    expect(page.locator("#body textarea")).to_be_editable()


def open_more(page: Page) -> None:
    page.get_by_role("button", name=re.compile("^More: what you sent")).click()


def set_date(page: Page, elem_id: str, value: str) -> None:
    box = page.locator(f"#{elem_id} input").first
    box.fill(value)
    box.press("Enter")


def no_error_toast(page: Page) -> None:
    expect(page.locator(".toast-body")).to_have_count(0)
    expect(page.locator("body")).not_to_contain_text("Could not parse server response")
    expect(page.locator("body")).not_to_contain_text("Traceback")


# --- the five paths -------------------------------------------------------------------------


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_an_interview_two_days_ago_gets_be_proactive_and_each_draft_once(
    shared_app: str, browser: Any, size: str
) -> None:
    page = next(_page(browser, DESKTOP if size == "desktop" else PHONE))
    page.goto(shared_app)
    expect(page.locator("#decision .placeholder")).to_contain_text("What you will get")
    shot(page, f"0-before-submit-{size}")
    fill_example(page, shared_app)
    advise(page)
    card = page.locator("#decision .decision-card")
    expect(card).to_have_attribute("data-action", "be_proactive")
    if size == "phone":
        # The result is brought into view with the form folded away, and the page stays short.
        expect(page.locator("#form-box [data-testid=accordion-content]").first).to_be_hidden()
        page.wait_for_function("Math.abs(document.querySelector('#decision').getBoundingClientRect().top) < 60")
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height < 2000, height
    expect(card.locator('li[aria-current="step"]')).to_have_text("Be proactive")
    expect(card.locator(".reason")).to_contain_text("no thank-you has gone out yet")
    # Each recipient once (the old page showed "Priya Shah | Tom Becker | Priya Shah | Tom Becker").
    expect(page.locator("#pick label")).to_have_text(["Priya Shah", "Tom Becker"])
    expect(page.locator("#body textarea")).to_have_value(re.compile(rf"^{GREETING} Priya,"))
    # One view of the draft: no monospace copy, no badges for a draft that passed, scores behind Details.
    expect(page.locator("#tone pre")).to_have_count(0)
    expect(page.locator("#tone .badge")).to_have_count(0)
    expect(page.locator("#tone .verdict")).to_have_text("Passes the tone check")
    expect(page.locator("#tone details.details .scores li")).to_have_count(9)
    expect(page.locator("#tone details.details")).not_to_have_attribute("open", "")
    rule = page.get_by_text("rule: R3.thank_you")
    expect(rule).to_be_hidden()  # the rule id, prompt and backend are behind Details
    page.locator("#tone details.details summary").click()
    expect(rule).to_be_visible()
    expect(page.locator("#tone .provenance")).to_contain_text("written by: the built-in templates")
    # The timeline: today, then the steps as dated markers in order.
    marks = page.locator("#decision .timeline .tl-mark")
    plan = example_plan()
    assert len(plan) >= 4  # today's thank-you, then at least check-in, escalation and closing
    expect(marks).to_have_count(len(plan))
    expect(page.locator("#decision .tl-today")).to_contain_text("Today")
    days = [date.fromisoformat(marks.nth(i).get_attribute("data-on") or "") for i in range(len(plan))]
    assert days == sorted(days)
    assert days == [m.on for m in plan]
    assert days[0] == date.today()
    lefts = [
        float(re.findall(r"left:([\d.]+)%", marks.nth(i).get_attribute("style") or "")[0]) for i in range(len(plan))
    ]
    assert lefts == sorted(lefts)
    shot(page, f"1-be-proactive-{size}")
    page.get_by_text("Tom Becker", exact=True).first.click()
    expect(page.locator("#body textarea")).to_have_value(re.compile(rf"^{GREETING} Tom,"))
    expect(page.locator("#draft-header")).to_contain_text("Thank-you note to Tom Becker")
    shot(page, f"1b-second-draft-{size}")
    page.context.close()


def test_editing_a_draft_rechecks_it_and_marks_the_phrase(shared_app: str, page: Page) -> None:
    fill_example(page, shared_app)
    advise(page)
    body = page.locator("#body textarea")
    body.fill(before_sign_off(body.input_value(), "Please reply ASAP!!"))
    finding = page.locator('#tone .finding.block[data-code="pushy.asap"]')
    expect(finding).to_be_visible(timeout=15_000)
    expect(finding).to_have_attribute("data-quote", "ASAP")
    expect(page.locator('#tone .tone-report[data-passed="false"]')).to_be_visible()
    expect(finding.locator("mark")).to_have_text("ASAP")
    expect(page.locator("#tone .badge.block")).to_contain_text(["restraint"])
    shot(page, "2-edited-draft-blocked")


def test_the_chat_goes_from_free_text_to_a_draft_with_a_send_button(shared_app: str, page: Page) -> None:
    page.goto(shared_app)
    page.get_by_role("tab", name="Chat").first.click()
    said = page.locator("#chat-input textarea")
    said.fill(
        "I met Priya Shah, Head of Data at Northwind, yesterday for the analyst role; she said they'd decide by next Friday."
    )
    page.locator("#chat-send").click()
    expect(page.locator("#chatbot")).to_contain_text("What is your name", timeout=15_000)
    said.fill("Alex Morgan")
    said.press("Enter")
    expect(page.locator("#facts-card")).to_contain_text("Is this right?", timeout=15_000)
    page.locator("#chat-confirm").click()
    expect(page.locator("#chatbot")).to_contain_text(re.compile(rf"{GREETING} Priya,"), timeout=15_000)
    expect(page.locator("#chatbot")).to_contain_text("Be proactive")
    expect(page.locator("#chatbot")).to_contain_text("passed the tone check")
    shot(page, "3-chat-draft")
    said.fill("I sent it")
    page.locator("#chat-send").click()
    expect(page.locator("#chatbot")).to_contain_text("Noted: sent to Priya Shah today", timeout=15_000)
    expect(page.locator("#facts-card")).to_contain_text("thank-you to Priya Shah")
    shot(page, "3b-chat-sent")


def chat_say(page: Page, text: str) -> None:
    page.locator("#chat-input textarea").fill(text)
    page.locator("#chat-send").click()
    expect(page.locator("#chat-input textarea")).to_have_value("", timeout=15_000)


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_a_wrong_reading_is_corrected_in_the_chat_before_any_advice(shared_app: str, browser: Any, size: str) -> None:
    page = next(_page(browser, DESKTOP if size == "desktop" else PHONE))
    today = date.today()
    yesterday, before = (day(today - timedelta(days=n), today) for n in (1, 2))
    page.goto(shared_app)
    page.get_by_role("tab", name="Chat").first.click()
    facts = page.locator("#facts-card")
    chat_say(page, "I'm Alex Morgan. I met Priya Shah, Head of Data at Northwind, yesterday for the analyst role.")
    expect(facts.locator('[data-field="interview_date"]')).to_contain_text(yesterday)
    expect(facts.locator('[data-field="interview_date"] q')).to_have_text("yesterday")
    expect(facts).to_contain_text("Is this right?")
    expect(page.locator("#chat-confirm")).to_be_enabled()
    expect(page.locator("#chatbot")).not_to_contain_text(re.compile(rf"{GREETING} Priya"))  # the card first, no advice
    shot(page, f"12-chat-facts-card-{size}")
    chat_say(page, "actually it was the day before yesterday")
    row = facts.locator('[data-field="interview_date"]')
    expect(row).to_contain_text(before)
    expect(row).to_contain_text("changed")
    expect(row.locator("q")).to_have_text("the day before yesterday")
    expect(page.locator("#chatbot")).not_to_contain_text("Be proactive")  # nothing decided yet
    expect(page.locator("#chatbot")).not_to_contain_text(re.compile(rf"{GREETING} Priya"))
    shot(page, f"12b-chat-corrected-{size}")
    page.locator("#chat-confirm").click()
    expect(page.locator("#chatbot")).to_contain_text(re.compile(rf"{GREETING} Priya,"), timeout=15_000)
    expect(page.locator("#chatbot")).to_contain_text(f"Your interview was on {before}")
    expect(page.locator('#facts-card [data-status="confirmed"]')).to_be_visible()
    expect(page.locator("#chat-confirm")).to_be_disabled()
    no_error_toast(page)
    shot(page, f"12c-chat-advised-{size}")
    page.context.close()


def test_edit_in_the_form_fills_the_advise_form_with_the_chats_facts(shared_app: str, page: Page) -> None:
    page.goto(shared_app)
    page.get_by_role("tab", name="Chat").first.click()
    chat_say(
        page, "I met Priya Shah, Head of Data at Northwind, yesterday for the analyst role; Tom Ellis is the recruiter."
    )
    expect(page.locator("#facts-card")).to_contain_text("What is your name")
    expect(page.locator("#chat-confirm")).to_be_disabled()  # a fact is missing: nothing to confirm yet
    page.locator("#chat-form").click()
    expect(field(page, "company")).to_have_value("Northwind")
    expect(field(page, "role")).to_have_value("Analyst")
    expect(field(page, "candidate")).to_have_value("")
    expect(field(page, "person-0-name")).to_have_value("Priya Shah")
    expect(field(page, "person-0-title")).to_have_value("Head of Data")
    expect(field(page, "person-1-name")).to_have_value("Tom Ellis")
    expect(field(page, "interview-date")).to_have_value((date.today() - timedelta(days=1)).isoformat())
    field(page, "candidate").fill("Alex Morgan")
    advise(page)
    expect(page.locator("#decision .decision-card")).to_be_visible()
    shot(page, "13-chat-edit-in-form")


def test_a_saved_interview_is_still_there_after_a_restart(tmp_path: Path, page: Page) -> None:
    db = tmp_path / "tracker.sqlite3"
    port = free_port()
    with running_app(db, port) as (url, _):
        fill_example(page, url)
        advise(page)
        page.locator("#save").click()
        expect(page.locator("#saved")).to_contain_text("Saved to the tracker")
    with running_app(db, port) as (url, _):
        page.goto(url)
        page.get_by_role("tab", name="Tracker").first.click()
        card = page.locator("#tracker .tracker-card")
        expect(card).to_have_count(1)
        expect(card).to_contain_text("Senior Data Analyst at Northwind Analytics")
        expect(card).to_contain_text("Be proactive")
        shot(page, "4-tracker-after-restart")


def test_an_interview_in_the_future_gets_an_error_under_its_field(shared_app: str, page: Page) -> None:
    fill_example(page, shared_app)
    set_date(page, "interview-date", (date.today() + timedelta(days=10)).isoformat())
    set_date(page, "promised", (date.today() + timedelta(days=20)).isoformat())
    page.get_by_role("button", name="Advise me").click()
    error = page.locator("#error-interview_date .field-error")
    expect(error).to_contain_text("Interview date: ")
    expect(error).to_contain_text("the interview has not happened yet")
    _just_below(page, "#interview-date", "#error-interview_date")
    no_error_toast(page)
    shot(page, "5-future-date-error")


# --- the defects, each fixed ------------------------------------------------------------------


def _just_below(page: Page, field_selector: str, error_selector: str) -> None:
    above = page.locator(field_selector).first.bounding_box()
    below = page.locator(error_selector).first.bounding_box()
    assert above is not None
    assert below is not None
    assert 0 <= below["y"] - (above["y"] + above["height"]) < 40, (above, below)


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_an_empty_form_speaks_plainly_next_to_each_field(shared_app: str, browser: Any, size: str) -> None:
    viewport = DESKTOP if size == "desktop" else PHONE
    page = next(_page(browser, viewport))
    page.goto(shared_app)
    page.get_by_role("button", name="Advise me").click()
    expect(page.locator("#error-candidate_name")).to_have_text("Your name: please fill this in")
    expect(page.locator("#error-interview_date")).to_have_text("Interview date: please fill this in")
    expect(page.locator("#error-interviewers")).to_contain_text("Interviewers")
    _just_below(page, "#candidate", "#error-candidate_name")
    _just_below(page, "#interview-date", "#error-interview_date")
    text = page.locator("#form-box").inner_text()
    for code_word in ("candidate_name", "interview_date", "NoneType", "'None'", "[0]", "followup list"):
        assert code_word not in text
    # The first error is brought on screen.
    page.wait_for_function(
        "(() => { const r = document.querySelector('#error-candidate_name').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= innerHeight; })()"
    )
    no_error_toast(page)
    shot(page, f"6-empty-form-{size}")
    page.context.close()


def test_advise_again_while_typing_and_saving_raises_no_error_and_keeps_edits(app: str, page: Page) -> None:
    fill_example(page, app)
    advise(page)
    body = page.locator("#body textarea")
    edited = before_sign_off(body.input_value(), "I enjoyed meeting the whole team.")
    body.fill(edited)
    expect(page.locator("#tone .tone-report")).to_be_visible()
    for _ in range(2):  # again and again, typing and saving at once
        page.get_by_role("button", name="Advise me").click()
        body.fill(edited)
        page.locator("#save").click()
    expect(page.locator("#saved")).to_contain_text(re.compile("Saved to the tracker|Updated in the tracker"))
    expect(body).to_have_value(edited)
    expect(body).to_be_editable()
    no_error_toast(page)
    page.get_by_role("button", name="Advise me").click()
    expect(page.locator("#decision .decision-card")).to_be_visible()
    expect(body).to_be_editable()
    expect(body).to_have_value(edited)  # Advise me again keeps the edit...
    page.get_by_role("button", name=re.compile("Write the drafts again")).click()
    expect(body).not_to_have_value(edited)  # ...until the person asks for fresh drafts
    no_error_toast(page)
    shot(page, "7-race-and-redo")


def test_mailto_and_copy_use_the_edited_text(shared_app: str, page: Page) -> None:
    fill_example(page, shared_app)
    advise(page)
    body = page.locator("#body textarea")
    edited = before_sign_off(body.input_value(), "A line I added myself.")
    body.fill(edited)
    page.locator("#subject textarea, #subject input").first.fill("My own subject")
    page.locator("#mail").click()
    expect(page.locator("#mailto-link")).to_have_attribute("href", re.compile("^mailto:priya.shah@northwind.example"))
    href = unquote(page.locator("#mailto-link").get_attribute("href") or "")
    assert "A line I added myself." in href
    assert "subject=My own subject" in href
    shot(page, "8-mailto-edited")


def test_the_calendar_file_is_the_named_step_on_its_own_day_with_a_stable_uid(
    shared_app: str, page: Page, tmp_path: Path
) -> None:
    fill_example(page, shared_app)
    advise(page)
    button = page.locator("#ics")
    upcoming = example_next_event()  # the step after today's thank-you: a check-in, or on some weekdays a value-add
    expect(button).to_contain_text(upcoming.task)
    uids = []
    for n in range(2):
        with page.expect_download() as caught:
            button.click()
        path = tmp_path / f"{n}.ics"
        caught.value.save_as(path)
        [event] = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
        assert str(event["summary"]) == f"{upcoming.task} about the Senior Data Analyst role at Northwind Analytics"
        on = event.decoded("dtstart").date()
        assert on > date.today()
        assert f"{on.day} {on:%b}" in button.inner_text()  # the day the button names
        uids.append(str(event["uid"]))
        if n == 0:
            page.get_by_role("button", name="Advise me").click()
            expect(page.locator("#body textarea")).to_be_editable()
    assert uids[0] == uids[1]
    assert "northwind" not in uids[0].lower()  # an opaque id, not the person's data


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_save_once_confirm_beside_the_button_and_the_tracker_follows(app: str, browser: Any, size: str) -> None:
    page = next(_page(browser, DESKTOP if size == "desktop" else PHONE))
    fill_example(page, app)
    advise(page)
    page.locator("#save").click()
    expect(page.locator("#saved")).to_have_text("Saved to the tracker.")
    for _ in range(3):
        page.locator("#save").click()
    expect(page.locator("#saved")).to_have_text("Updated in the tracker (already saved).")
    button, note = page.locator("#save").bounding_box(), page.locator("#saved").bounding_box()
    assert button is not None
    assert note is not None
    assert abs(note["y"] - button["y"]) < 40  # on the button's row, not above the drafts
    page.get_by_role("tab", name="Tracker").first.click()  # no Refresh needed
    expect(page.locator("#tracker .tracker-card")).to_have_count(1)
    expect(page.locator("#tracker .tracker-card .timeline .tl-mark")).to_have_count(len(example_plan()))
    shot(page, f"9-tracker-one-card-{size}")
    page.context.close()


def test_interviewers_have_a_role_menu_an_add_button_and_sent_messages_a_checklist(shared_app: str, page: Page) -> None:
    fill_example(page, shared_app)
    expect(field(page, "person-2-name")).to_be_hidden()
    page.get_by_role("button", name="Add interviewer").click()
    expect(field(page, "person-2-name")).to_be_visible()
    field(page, "person-2-name").fill("Maria Lopez")
    field(page, "person-2-title").fill("VP Analytics")
    page.locator("#person-2-role input").click()
    page.get_by_role("option", name="Recruiter").click()
    expect(page.locator("#person-2-role input")).to_have_value("Recruiter")
    open_more(page)
    page.locator("#sent-thank_you input[type=checkbox]").check()
    set_date(page, "sent-thank_you-on", (date.today() - timedelta(days=1)).isoformat())
    shot(page, "10-add-interviewer-and-checklist")
    page.get_by_role("button", name="Advise me").click()
    card = page.locator("#decision .decision-card")
    expect(card).to_be_visible()
    expect(card).not_to_have_attribute("data-action", "be_proactive")  # the thank-you counts as sent
    expect(page.locator(".field-error")).to_have_count(0)


def test_no_text_typed_by_the_person_reaches_the_page_as_markup(app: str, page: Page) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url) if request.url.endswith("/x") else None)
    fill_example(page, app)
    for elem_id in ("candidate", "company", "role", "person-0-title", "person-1-title", "topics"):
        box = field(page, elem_id)
        box.fill(box.input_value() + " " + HOSTILE)
    advise(page)
    body = page.locator("#body textarea")
    body.fill(body.input_value() + "\n" + HOSTILE)
    expect(page.locator("#tone .tone-report")).to_be_visible()
    page.locator("#save").click()
    expect(page.locator("#saved")).to_contain_text("tracker")
    page.get_by_role("tab", name="Tracker").first.click()
    expect(page.locator("#tracker .tracker-card")).to_contain_text("<img src=x")
    page.get_by_role("tab", name="Chat").first.click()
    said = page.locator("#chat-input textarea")
    said.fill(f"I met Priya Shah, Head of Data at Northwind, yesterday for the analyst role. {HOSTILE}")
    page.locator("#chat-send").click()
    expect(page.locator("#chatbot")).to_contain_text("<script>", timeout=15_000)
    said.fill("![x](http://127.0.0.1:9/x) Alex Morgan")
    page.locator("#chat-send").click()
    expect(page.locator("#chatbot")).to_contain_text("What is your name", timeout=15_000)
    expect(page.locator("#facts-card .unused")).to_contain_text("<img src=x onerror=")  # shown as text
    expect(page.locator("#facts-card .unused")).to_contain_text("<script>")
    assert page.locator("img[src='x'], img[src$='/x']").count() == 0
    assert page.evaluate("window.__pwned === undefined")
    assert fetched == []
    shot(page, "11-markup-stays-text")


def test_the_chat_with_a_model_that_cannot_be_set_up_still_drafts(shared_app: str, page: Page) -> None:
    page.goto(shared_app)
    open_more(page)
    page.locator("#writer input").click()
    page.get_by_role("option", name=re.compile("OpenAI-compatible")).click()
    page.get_by_role("tab", name="Chat").first.click()
    said = page.locator("#chat-input textarea")
    said.fill("I'm Alex Morgan. I met Priya Shah, Head of Data at Northwind, yesterday for the analyst role.")
    page.locator("#chat-send").click()
    expect(page.locator("#chat-confirm")).to_be_enabled(timeout=15_000)
    page.locator("#chat-confirm").click()
    expect(page.locator("#chatbot")).to_contain_text(re.compile(rf"{GREETING} Priya,"), timeout=15_000)
    expect(page.locator("#chatbot")).to_contain_text("the built-in templates wrote it")
    expect(page.locator("#chatbot")).not_to_contain_text("MissingCredentials")
    no_error_toast(page)


def test_on_a_phone_the_tracker_is_a_list_of_cards(app: str, phone: Page) -> None:
    fill_example(phone, app)
    advise(phone)
    phone.locator("#save").click()
    expect(phone.locator("#saved")).to_contain_text("Saved")
    phone.get_by_role("tab", name="Tracker").first.click()
    card = phone.locator("#tracker .tracker-card")
    expect(card).to_have_count(1)
    expect(card).to_contain_text("Be proactive")
    expect(card).to_contain_text("Interview")
    box = card.bounding_box()
    assert box is not None
    assert box["width"] <= PHONE["width"]
    shot(phone, "12-tracker-phone")


def test_the_tracker_is_not_in_the_public_api(shared_app: str) -> None:
    import httpx

    endpoints = httpx.get(shared_app + "gradio_api/info", timeout=10).json()["named_endpoints"]
    assert "/submit" in endpoints  # the listing works...
    assert not {"/tracker_view", "/save", "/tracker_record"} & set(endpoints)  # ...and leaves the interviews out


def test_recording_in_the_tracker_speaks_plainly_and_updates_the_card(app: str, page: Page) -> None:
    fill_example(page, app)
    advise(page)
    page.locator("#save").click()
    expect(page.locator("#saved")).to_contain_text("Saved")
    page.get_by_role("tab", name="Tracker").first.click()
    card = page.locator("#tracker .tracker-card")
    expect(card).to_contain_text("Be proactive")
    page.get_by_role("button", name=re.compile("^Record what happened")).click()
    page.locator("#record-interview input").click()
    page.get_by_role("option", name=re.compile("Senior Data Analyst at Northwind Analytics")).click()
    page.locator("#record-what").get_by_text("A message I sent").click()
    page.locator("#record-kind input").click()
    page.get_by_role("option", name="Thank-you note").click()
    set_date(page, "record-on", (date.today() + timedelta(days=3)).isoformat())
    page.locator("#record").click()
    expect(page.locator("#recorded")).to_contain_text("is after today; record it once it has happened")
    set_date(page, "record-on", date.today().isoformat())
    page.locator("#record").click()
    expect(page.locator("#recorded")).to_have_text("Recorded.")
    expect(card).not_to_contain_text("Be proactive")  # the card follows without Refresh
    no_error_toast(page)
    shot(page, "13-tracker-recorded")
