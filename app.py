"""The follow-up advisor's web UI: a form, a chat and the tracker. Layout and wiring only.

    python app.py        # http://127.0.0.1:7860

Where it listens and whether it asks for a password come from the environment
(``GRADIO_SERVER_NAME``/``GRADIO_SERVER_PORT``, aliases ``FOLLOWUP_HOST``/``FOLLOWUP_PORT``;
``FOLLOWUP_AUTH=user:password``); see :mod:`followup.ui.serving`. The handlers below are
a few lines each: what they do is in :mod:`followup.service`, what they show is drawn by
:mod:`followup.ui.render` from the presentation model.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Any

from followup.settings import SettingsError, current
from followup.ui.serving import ServingError, launch_options

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # no calls home from a user's machine


def check_settings() -> None:
    """Every setting, and where to listen, checked before Gradio is imported (Gradio itself
    reads GRADIO_SERVER_PORT on import and would fail with a traceback); one line and exit 2."""
    try:
        current()
        launch_options()
    except (ServingError, SettingsError) as exc:
        print(f"app.py: {exc}", file=sys.stderr)
        raise SystemExit(2) from None


if __name__ == "__main__":
    check_settings()

import gradio as gr
from pydantic import ValidationError

from followup import load_notes, service
from followup.models import InterviewNotes
from followup.presentation import calendar_event, event_label, view
from followup.reminders import calendar
from followup.store import Store, StoreError
from followup.ui import chat as talk
from followup.ui import drafts as page_drafts
from followup.ui import forms, render
from followup.ui.markdown import safe
from followup.wording import day

EXAMPLE = Path(__file__).parent / "examples" / "northwind.yaml"
WRITERS = [
    ("As set up on this computer (FOLLOWUP_BACKEND, else the best available)", ""),
    ("The best available (a model service if one is set up, else the built-in templates)", "auto"),
    ("The built-in templates (fast, offline)", "template"),
    ("The small model on this computer", "local"),
    ("An OpenAI-compatible service (OPENAI_API_KEY)", "openai"),
]
CSS = files("followup.ui").joinpath("style.css").read_text(encoding="utf-8")
# Builds the mailto: link from what is in the boxes now, so an edited draft is what opens.
MAIL_JS = """() => {
  const value = (s) => (document.querySelector(s) || {}).value || "";
  const header = document.querySelector("#draft-header .draft-header");
  const to = header ? encodeURI(header.dataset.email || "") : "";
  const link = document.querySelector("#mailto-link");
  link.href = "mailto:" + to + "?subject=" + encodeURIComponent(value("#subject textarea, #subject input"))
    + "&body=" + encodeURIComponent(value("#body textarea"));
  link.click();
}"""
# On a phone the result is below the form: fold the form away and bring the result into
# view; when a field is wrong, unfold it and bring the first error into view instead.
SCROLL_JS = """() => {
  const box = document.querySelector("#form-box");
  const content = box && box.querySelector("[data-testid=accordion-content]");
  const open = content && content.style.display !== "none";
  const error = document.querySelector(".field-error");
  const toggle = () => box.querySelector("button.label-wrap").click();
  if (error) {
    if (!open) toggle();
    requestAnimationFrame(() => error.scrollIntoView({block: "center"}));
  } else if (window.innerWidth < 900) {
    if (open) toggle();
    requestAnimationFrame(() => document.querySelector("#decision").scrollIntoView({block: "start"}));
  }
}"""


# --- handlers -----------------------------------------------------------------------------


def _today(value: Any) -> date:
    return date.fromisoformat(forms.day(value) or date.today().isoformat())


def submit(*values: Any) -> Any:
    """Advise me: errors under their fields, or the decision card, then the drafts (edits kept)."""
    yield from _advise(values, keep_edits=True)


def redo(*values: Any) -> Any:
    """Write the drafts again, dropping the person's edits."""
    yield from _advise(values, keep_edits=False)


def _advise(values: tuple[Any, ...], *, keep_edits: bool) -> Any:
    *form, today_value, writer, old = values
    data = forms.data_from_form(forms.split(form))
    try:
        notes = InterviewNotes.model_validate(data)
        today = _today(today_value)
        decision = service.plan(notes, today)
    except ValidationError as exc:
        yield _errors(forms.errors_by_slot(exc, data))
        return
    yield {
        **_errors({}),
        card: render.decision_card(view(decision)),
        body: gr.update(interactive=False),
        keep: gr.update(interactive=False),
    }
    advised = service.advise(notes, today, writer or None, decision=decision)
    drafts = page_drafts.from_advice(advised, notes, old, keep_edits=keep_edits)
    event = calendar_event(notes, advised.advice.decision, after_today=True)
    yield {
        card: render.decision_card(advised.view),
        drafts_box: gr.update(visible=bool(drafts)),
        pick: gr.update(
            choices=[(d["recipient"], str(i)) for i, d in enumerate(drafts)], value="0" if drafts else None
        ),
        ics: gr.update(value=_ics_file(event), label=event_label(event, today), visible=True)
        if event
        else gr.update(visible=False),
        saved: "",
        drafts_state: drafts,
        notes_state: notes.model_dump_json(),
        **_shown(drafts, "0"),
    }


def _errors(by_slot: dict[str, list[str]]) -> dict[Any, Any]:
    out: dict[Any, Any] = {
        slot: gr.update(value="".join(render.field_error(m) for m in by_slot.get(name, [])), visible=name in by_slot)
        for name, slot in error_slots.items()
    }
    out[more] = gr.update(open=True) if "more" in by_slot else gr.update()
    return out


def _shown(drafts: list[dict[str, Any]], index: str | None) -> dict[Any, Any]:
    if not drafts or index is None:
        return {
            header: "",
            subject: "",
            body: gr.update(value="", interactive=True),
            tone: "",
            keep: gr.update(interactive=True),
        }
    d = drafts[int(index)]
    return {
        header: d["header"],
        subject: d["subject"],
        body: gr.update(value=d["body"], interactive=True),
        tone: d["tone"],
        keep: gr.update(interactive=True),
    }


def show(drafts: list[dict[str, Any]], index: str | None) -> dict[Any, Any]:
    return _shown(drafts, index)


def edit(drafts: list[dict[str, Any]], index: str | None, text: str, title: str, notes_json: str | None) -> Any:
    """The person edited the draft: keep it and check it again."""
    if not drafts or index is None or not notes_json:
        return drafts, gr.update()
    notes = InterviewNotes.model_validate_json(notes_json)
    changed = page_drafts.edited(drafts, int(index), text, title, notes)
    return (drafts, gr.update()) if changed is None else (changed, changed[int(index)]["tone"])


def _ics_file(event: Any) -> str:
    path = Path(tempfile.mkdtemp(prefix="followup-")) / "next-step.ics"
    path.write_bytes(calendar([event]))
    return str(path)


def save(notes_json: str | None) -> str:
    if not notes_json:
        return render.saved_note("Press Advise me first.", ok=False)
    try:
        with Store() as store:
            result = service.save(store, InterviewNotes.model_validate_json(notes_json))
    except StoreError as exc:
        return render.saved_note(f"Could not save: {exc}", ok=False)
    return render.saved_note("Saved to the tracker." if result.added else "Updated in the tracker (already saved).")


def load_example() -> list[Any]:
    """The example interview as a first-time user has it: two days ago, nothing sent yet."""
    today = date.today()
    notes = forms.example_notes(load_notes(EXAMPLE), today)
    shown = len(notes.interviewers)
    return [
        *forms.form_from_notes(notes),
        today.isoformat(),
        shown,
        *(gr.update(visible=i < shown) for i in range(forms.INTERVIEWER_ROWS)),
    ]


def add_person(count: int) -> list[Any]:
    count = min(count + 1, forms.INTERVIEWER_ROWS)
    return [
        count,
        *(gr.update(visible=i < count) for i in range(forms.INTERVIEWER_ROWS)),
        gr.update(visible=count < forms.INTERVIEWER_ROWS),
    ]


def chat(message: str, history: list[dict[str, str]], state: dict[str, Any], writer: str, today_value: Any) -> Any:
    """One message: the reply, and the facts card as it now stands."""
    today = _today(today_value)
    reply, state = talk.respond(message, state, today, writer or None)
    return _chat_shown([*history, _said("user", safe(message)), _said("assistant", reply)], state, today)


def chat_confirm(history: list[dict[str, str]], state: dict[str, Any], writer: str, today_value: Any) -> Any:
    """These are right: advise me (the decision and a draft, from the card's facts)."""
    today = _today(today_value)
    reply, state = talk.confirm(state, today, writer or None)
    return _chat_shown([*history, _said("user", "These are right: advise me"), _said("assistant", reply)], state, today)


def _said(role: str, content: str) -> dict[str, str]:
    return {"role": role, "content": content}


def _chat_shown(history: list[dict[str, str]], state: dict[str, Any], today: date) -> Any:
    has_facts = bool(talk.form_notes(state))
    return (
        "",
        history,
        state,
        talk.card(state, today),
        gr.update(interactive=talk.can_confirm(state)),
        gr.update(interactive=has_facts),
    )


def chat_to_form(state: dict[str, Any]) -> list[Any]:
    """Edit in the form: the Advise tab, its form filled with the card's facts."""
    data = talk.form_notes(state)
    shown = max(1, min(len(data.get("interviewers") or []), forms.INTERVIEWER_ROWS))
    return [
        *forms.form_from_data(data),
        shown,
        *(gr.update(visible=i < shown) for i in range(forms.INTERVIEWER_ROWS)),
        gr.Tabs(selected="advise"),
    ]


def tracker_view() -> tuple[str, Any]:
    """The tracker as cards, and the interviews to choose from when recording."""
    try:
        with Store() as store:
            items = service.tracked(store, date.today())
    except StoreError as exc:
        return render.saved_note(f"The tracker cannot be opened: {exc}", ok=False), gr.update(choices=[])
    cards = [(t.id, t.notes, view(t.decision) if t.decision else None) for t in items]
    as_of = date.today()
    choices = [
        (f"{t.notes.role} at {t.notes.company} (interview {day(t.notes.interview_date, as_of)})", t.id) for t in items
    ]
    return render.tracker_cards(cards, date.today()), gr.update(choices=choices)


def tracker_record(interview: Any, what: str, kind: str, who: str, on_value: Any, new_value: Any, outcome: str) -> str:
    if interview in (None, ""):
        return render.saved_note("Choose the interview first.", ok=False)
    today = date.today()
    try:
        on = _today(on_value)
        with Store() as store:
            if what == "sent":
                names = [n.strip() for n in (who or "").replace(",", ";").split(";") if n.strip()]
                service.record_sent(store, int(interview), kind, names, on, today)
            elif what == "replied":
                new = forms.day(new_value)
                service.record_reply(store, int(interview), on, date.fromisoformat(new) if new else None, today)
            else:
                service.set_outcome(store, int(interview), outcome)
    except ValidationError as exc:
        lines = [m for ms in forms.errors_by_slot(exc).values() for m in ms]
        return render.saved_note("Not recorded: " + "; ".join(lines), ok=False)
    except (StoreError, ValueError) as exc:
        return render.saved_note(f"Not recorded: {exc}", ok=False)
    return render.saved_note("Recorded.")


# --- the page -----------------------------------------------------------------------------

with gr.Blocks(title="Follow-up advisor") as demo:
    gr.Markdown("# Follow-up advisor\nWhat to do after a job interview, when, and a courteous draft to do it.")
    with gr.Tabs() as tabs:
        with gr.Tab("Advise", id="advise"):
            with gr.Row(equal_height=False):
                with gr.Column(scale=1, min_width=320):
                    with gr.Accordion("Your interview", open=True, elem_id="form-box"):
                        example = gr.Button("Fill in an example", size="sm")
                        candidate = gr.Textbox(label="Your name", elem_id="candidate")
                        e_candidate = gr.HTML(visible=False, elem_id="error-candidate_name")
                        company = gr.Textbox(label="Company", elem_id="company")
                        e_company = gr.HTML(visible=False, elem_id="error-company")
                        role = gr.Textbox(label="Role", elem_id="role")
                        e_role = gr.HTML(visible=False, elem_id="error-role")
                        gr.Markdown("**Who you met**")
                        people: list[Any] = []
                        groups = []
                        for i in range(forms.INTERVIEWER_ROWS):
                            with gr.Group(visible=i == 0, elem_id=f"person-{i}") as group:
                                with gr.Row():
                                    people.append(gr.Textbox(label="Name", elem_id=f"person-{i}-name", min_width=140))
                                    people.append(gr.Textbox(label="Title", elem_id=f"person-{i}-title", min_width=140))
                                with gr.Row():
                                    people.append(
                                        gr.Textbox(
                                            label="E-mail (optional)", elem_id=f"person-{i}-email", min_width=140
                                        )
                                    )
                                    people.append(
                                        gr.Dropdown(
                                            forms.ROLE_CHOICES,
                                            value="panel",
                                            label="Their part",
                                            elem_id=f"person-{i}-role",
                                            min_width=140,
                                        )
                                    )
                            groups.append(group)
                        shown_people = gr.State(1)
                        add = gr.Button("Add interviewer", size="sm", elem_id="add-person")
                        e_people = gr.HTML(visible=False, elem_id="error-interviewers")
                        interview_date = gr.DateTime(
                            label="Interview date", include_time=False, type="string", elem_id="interview-date"
                        )
                        e_date = gr.HTML(visible=False, elem_id="error-interview_date")
                        asked = gr.Checkbox(label="I asked about next steps before leaving", elem_id="asked")
                        promised = gr.DateTime(
                            label="They said they'd decide by", include_time=False, type="string", elem_id="promised"
                        )
                        e_promised = gr.HTML(visible=False, elem_id="error-promised_reply_date")
                        topics = gr.Textbox(label="What you discussed (one per line)", lines=3, elem_id="topics")
                        e_topics = gr.HTML(visible=False, elem_id="error-topics")
                        with gr.Accordion("More: what you sent, replies, things to share, outcome", open=False) as more:
                            gr.Markdown("**Messages you have already sent**")
                            sent: list[Any] = []
                            for kind_value, kind_label in forms.SENT_KINDS:
                                with gr.Row():
                                    sent.append(
                                        gr.Checkbox(label=kind_label, elem_id=f"sent-{kind_value}", min_width=160)
                                    )
                                    sent.append(
                                        gr.DateTime(
                                            label="Sent on",
                                            include_time=False,
                                            type="string",
                                            elem_id=f"sent-{kind_value}-on",
                                            min_width=140,
                                        )
                                    )
                                    sent.append(
                                        gr.Textbox(
                                            label="To (empty: everyone you met)",
                                            elem_id=f"sent-{kind_value}-to",
                                            min_width=140,
                                        )
                                    )
                            replies = gr.Dataframe(
                                headers=forms.REPLY_COLUMNS,
                                type="array",
                                interactive=True,
                                label="Replies from the employer (dates as YYYY-MM-DD)",
                            )
                            shareables = gr.Dataframe(
                                headers=forms.SHAREABLE_COLUMNS, type="array", interactive=True, label="Things to share"
                            )
                            updates = gr.Textbox(label="Your news (travel, other offers' deadlines)", lines=2)
                            outcome = gr.Dropdown(forms.OUTCOMES, value="pending", label="Outcome")
                            senior_name = gr.Textbox(label="Someone more senior: name")
                            senior_title = gr.Textbox(label="Someone more senior: title")
                            country = gr.Textbox(label="Country for public holidays (e.g. US, GB, DE)")
                            writer = gr.Dropdown(WRITERS, value="", label="Who writes the drafts", elem_id="writer")
                            today = gr.DateTime(
                                label="Today",
                                include_time=False,
                                type="string",
                                value=date.today().isoformat(),
                                elem_id="today",
                            )
                        e_more = gr.HTML(visible=False, elem_id="error-more")
                    go = gr.Button("Advise me", variant="primary", elem_id="advise")
                with gr.Column(scale=1, min_width=320):
                    card = gr.HTML(render.PLACEHOLDER, elem_id="decision")
                    with gr.Column(visible=False, elem_id="drafts") as drafts_box:
                        pick = gr.Radio(label="Draft for", elem_id="pick")
                        header = gr.HTML(elem_id="draft-header")
                        subject = gr.Textbox(label="Subject", buttons=["copy"], elem_id="subject")
                        body = gr.Textbox(
                            label="Draft (edit it; the tone check runs again)",
                            lines=10,
                            max_lines=30,
                            buttons=["copy"],
                            elem_id="body",
                        )
                        tone = gr.HTML(elem_id="tone")
                        with gr.Row():
                            mail = gr.Button("Open in your mail program", size="sm", elem_id="mail")
                            ics = gr.DownloadButton("Add to calendar", size="sm", elem_id="ics")
                        with gr.Row(equal_height=True):
                            keep = gr.Button("Save to the tracker", size="sm", elem_id="save")
                            saved = gr.HTML(elem_id="saved")
                        again = gr.Button("Write the drafts again (drops your edits)", size="sm", elem_id="redo")
                        gr.HTML('<a id="mailto-link" href="#">mail</a>')
                    drafts_state = gr.State([])
                    notes_state = gr.State(None)

            form = [
                candidate,
                company,
                role,
                *people,
                interview_date,
                asked,
                promised,
                topics,
                shareables,
                updates,
                *sent,
                replies,
                outcome,
                senior_name,
                senior_title,
                country,
            ]
            error_slots = dict(
                zip(
                    forms.SLOTS,
                    [e_candidate, e_company, e_role, e_people, e_date, e_promised, e_topics, e_more],
                    strict=True,
                )
            )
            result = [
                *error_slots.values(),
                more,
                card,
                drafts_box,
                pick,
                ics,
                saved,
                drafts_state,
                notes_state,
                header,
                subject,
                body,
                tone,
                keep,
            ]
            example.click(load_example, None, [*form, today, shown_people, *groups])
            add.click(add_person, shown_people, [shown_people, *groups, add])
            go.click(submit, [*form, today, writer, drafts_state], result).then(None, js=SCROLL_JS)
            again.click(redo, [*form, today, writer, drafts_state], result)
            pick.input(show, [drafts_state, pick], [header, subject, body, tone, keep])
            body.change(edit, [drafts_state, pick, body, subject, notes_state], [drafts_state, tone])
            subject.change(edit, [drafts_state, pick, body, subject, notes_state], [drafts_state, tone])
            mail.click(None, js=MAIL_JS)

        with gr.Tab("Chat", id="chat"):
            gr.Markdown(
                "Describe the interview in your own words: who you met, where, when, and what they said about timing."
            )
            chatbot = gr.Chatbot(elem_id="chatbot", height=400)
            with gr.Row(equal_height=True):
                said = gr.Textbox(
                    placeholder="I met Priya Shah, Head of Data at Northwind, on Tuesday for the analyst role…",
                    show_label=False,
                    elem_id="chat-input",
                    scale=5,
                )
                send = gr.Button("Send", variant="primary", elem_id="chat-send", scale=1, min_width=80)
            facts_card = gr.HTML(elem_id="facts-card")
            with gr.Row():
                agree = gr.Button(
                    "These are right: advise me", variant="primary", interactive=False, elem_id="chat-confirm"
                )
                to_form = gr.Button("Edit in the form", interactive=False, elem_id="chat-form")
            chat_state = gr.State(talk.new_state())
            chat_out = [said, chatbot, chat_state, facts_card, agree, to_form]
            said.submit(chat, [said, chatbot, chat_state, writer, today], chat_out)
            send.click(chat, [said, chatbot, chat_state, writer, today], chat_out)
            agree.click(chat_confirm, [chatbot, chat_state, writer, today], chat_out)
            to_form.click(chat_to_form, chat_state, [*form, shown_people, *groups, tabs])

        with gr.Tab("Tracker", id="tracker"):
            refresh = gr.Button("Refresh", size="sm", elem_id="refresh")
            cards = gr.HTML(elem_id="tracker")
            with gr.Accordion("Record what happened", open=False):
                chosen = gr.Dropdown(label="Interview", choices=[], elem_id="record-interview")
                what = gr.Radio(
                    [("A message I sent", "sent"), ("They replied", "replied"), ("The outcome", "outcome")],
                    value="sent",
                    label="What happened",
                    elem_id="record-what",
                )
                kind = gr.Dropdown(
                    [(label, value) for value, label in forms.SENT_KINDS],
                    value="check_in",
                    label="Which message",
                    elem_id="record-kind",
                )
                who = gr.Textbox(label="Sent to (empty: everyone you met; separate names with ;)")
                on = gr.DateTime(
                    label="On", include_time=False, type="string", value=date.today().isoformat(), elem_id="record-on"
                )
                new_date = gr.DateTime(label="New date they gave (replies)", include_time=False, type="string")
                result_outcome = gr.Dropdown(forms.OUTCOMES, value="pending", label="Outcome")
                record = gr.Button("Record", elem_id="record")
                recorded = gr.HTML(elem_id="recorded")
            refresh.click(tracker_view, None, [cards, chosen], api_visibility="private")
            record.click(
                tracker_record,
                [chosen, what, kind, who, on, new_date, result_outcome],
                recorded,
                api_visibility="private",
            ).then(tracker_view, None, [cards, chosen], api_visibility="private")
    # The tracker's events are kept out of the public API: the interviews are read by the page only
    # (and with FOLLOWUP_AUTH set, only after signing in).
    keep.click(save, notes_state, saved, api_visibility="private").then(
        tracker_view, None, [cards, chosen], api_visibility="private"
    )
    demo.load(tracker_view, None, [cards, chosen], api_visibility="private")
    demo.load(lambda: [date.today().isoformat()] * 2, None, [today, on])  # today as of opening the page


def launch(env: Any = None) -> None:
    """Serve the page as the environment says (see followup.ui.serving); raises ServingError."""
    options = launch_options(env)
    demo.queue().launch(
        server_name=options.server_name,
        server_port=options.server_port,
        auth=options.auth,
        show_error=False,
        css=CSS,
        footer_links=[],
    )


if __name__ == "__main__":
    try:
        launch()
    except (ServingError, SettingsError) as exc:
        print(f"app.py: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
