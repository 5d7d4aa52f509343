"""The follow-up advisor's web UI: a form, a chat and the tracker.

    python app.py        # http://127.0.0.1:7860

FOLLOWUP_HOST and FOLLOWUP_PORT choose where it listens (127.0.0.1:7860 by default);
FOLLOWUP_AUTH="user:password" asks for a password, for anyone serving it beyond their
own machine. The tracker file is FOLLOWUP_DB, else the user's data directory. The
handlers call the library and nothing else; bad input is shown as a message that names
the field, never a traceback.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # no calls home from a user's machine

import gradio as gr
from pydantic import ValidationError

from followup import InterviewNotes, evaluate_tone, load_notes
from followup.advisor import advise
from followup.backends.base import BackendError
from followup.drafting.prompts import PromptError
from followup.errors import describe
from followup.reminders import calendar
from followup.store import DueItem, Store, StoreError
from followup.ui import forms, render
from followup.ui.chat import new_state, respond

EXAMPLE = Path(__file__).parent / "examples" / "northwind.yaml"
BACKENDS = ["auto", "template", "local", "openai"]


# --- handlers -----------------------------------------------------------------------------


def submit(*values: Any) -> Any:
    """The form: the decision card first, then the drafts (a generator, so the page never freezes)."""
    *form, today_value, backend = values
    try:
        notes = forms.notes_from_form(*form)
        today = date.fromisoformat(forms.day(today_value) or date.today().isoformat())
        from followup.policy import decide

        decision = decide(notes, today)
    except ValidationError as exc:
        yield _error(exc), "", [], None
        return
    except ValueError as exc:
        yield f"**Please check:** {exc}", "", [], None
        return
    yield "", render.decision_card(decision) + "<p class='drafting'>Drafting…</p>", [], None
    try:
        advice = advise(notes, today=today, backend=None if backend == "auto" else backend)
    except (BackendError, PromptError, OSError) as exc:
        advice = advise(notes, today=today, backend="template")
        reason = exc.reason if isinstance(exc, BackendError) else str(exc)
        note = f"The model could not be set up ({reason}); the template engine wrote these drafts."
        yield note, render.decision_card(advice.decision), _drafts(advice, notes), notes.model_dump_json()
        return
    yield "", render.decision_card(advice.decision), _drafts(advice, notes), notes.model_dump_json()


def _error(exc: ValidationError) -> str:
    lines = "\n".join(f"- `{line.split(':', 1)[0]}`:{line.split(':', 1)[1]}" for line in describe(exc))
    return f"**Please fix these fields:**\n\n{lines}"


def _drafts(advice: Any, notes: InterviewNotes) -> list[dict[str, Any]]:
    people = notes.people()
    ics = _ics_file(advice)  # one next step, whoever the draft is for
    out = []
    for draft in advice.drafts:
        person = people.get(" ".join(draft.recipient.casefold().split()))
        out.append(
            {
                "kind": draft.kind.value,
                "channel": draft.channel.value,
                "recipient": draft.recipient,
                "email": getattr(person, "email", None),
                "subject": draft.subject,
                "body": draft.body,
                "header": render.draft_header(draft),
                "ics": ics,
                "tone": render.tone_report(draft.tone, draft.body),
            }
        )
    return out


def _ics_file(advice: Any) -> str:
    item = DueItem(0, advice.decision.to[0] if advice.decision.to else "", "", advice.decision)
    path = Path(tempfile.mkdtemp(prefix="followup-")) / "next-step.ics"
    path.write_bytes(calendar([item], advice.today)[0])
    return str(path)


def recheck(body: str, notes_json: str | None, kind: str, channel: str) -> str:
    notes = InterviewNotes.model_validate_json(notes_json) if notes_json else None
    return render.tone_report(evaluate_tone(body, kind=kind, notes=notes, channel=channel), body)


def _mail_link(draft: dict[str, Any]) -> str:
    href = render.mailto(draft["email"], draft["subject"], draft["body"])
    return f'<a class="mailto" href="{href}">Open in your mail program</a>'


def save(notes_json: str | None) -> str:
    if not notes_json:
        return "Submit the form first."
    try:
        with Store() as store:
            interview_id = store.add(InterviewNotes.model_validate_json(notes_json))
    except StoreError as exc:
        return f"Could not save: {exc}"
    return f"Saved to the tracker as interview {interview_id}."


def load_example() -> list[Any]:
    """The example interview as a first-time user has it: two days ago, nothing sent yet."""
    today = date.today()
    notes = load_notes(EXAMPLE).model_copy(
        update={
            "interview_date": today - timedelta(days=2),
            "promised_reply_date": today + timedelta(days=5),
            "history": [],
            "employer_replies": [],
        }
    )
    return [*forms.form_from_notes(notes), today.isoformat()]


def chat(message: str, history: list[dict[str, str]], state: dict[str, Any], backend: str) -> Any:
    reply, state = respond(message, state, date.today(), "template" if backend == "auto" else backend)
    history = [*history, {"role": "user", "content": message}, {"role": "assistant", "content": reply}]
    return "", history, state


def tracker_view(today_value: Any = None) -> tuple[list[list[Any]], str]:
    today = date.fromisoformat(forms.day(today_value) or date.today().isoformat())
    try:
        with Store() as store:
            interviews = store.interviews()
            items = store.due(today)
    except StoreError as exc:
        return [], f"**The tracker cannot be opened:** {exc}"
    table = [
        [i.id, i.notes.company, i.notes.role, i.notes.interview_date.isoformat(), i.notes.outcome.value]
        for i in interviews
    ]
    lines = []
    for item in items:
        d = item.decision
        when = "today" if d.status.value == "now" else ("done" if d.status.value == "done" else str(d.due_on))
        action = d.action.label if d.action else "Nothing to chase"
        lines.append(f"- **{item.id} · {item.role} at {item.company}**: {action} ({when}). {d.reason}")
    return table, "\n".join(lines) or "Nothing in the tracker yet: save an interview from the Advise tab."


def tracker_record(
    what: str, interview_id: Any, kind: str, who: str, on_value: Any, new_value: Any, outcome: str
) -> str:
    try:
        number = int(interview_id)
        on = date.fromisoformat(forms.day(on_value) or date.today().isoformat())
        if on > date.today():
            return f"**Please check:** {on} is after today; record it once it has happened."
        with Store() as store:
            if what == "sent":
                store.record_sent(number, kind, [n.strip() for n in who.split(";") if n.strip()], on)
            elif what == "replied":
                new = forms.day(new_value)
                store.record_reply(number, on, date.fromisoformat(new) if new else None)
            else:
                store.set_outcome(number, outcome)
    except ValidationError as exc:
        return "**Please fix:** " + "; ".join(describe(exc))
    except (StoreError, ValueError, TypeError) as exc:
        return f"**Please check:** {exc}"
    return f"Recorded for interview {number}."


# --- the page -----------------------------------------------------------------------------

with gr.Blocks(title="Follow-up advisor") as demo:
    gr.Markdown("# Follow-up advisor\nWhat to do after a job interview, when, and a courteous draft to do it.")
    with gr.Tabs():
        with gr.Tab("Advise", id="advise"):
            with gr.Row():
                with gr.Column(scale=1):
                    example = gr.Button("Fill in an example", size="sm")
                    candidate = gr.Textbox(label="Your name", elem_id="candidate")
                    company = gr.Textbox(label="Company", elem_id="company")
                    role = gr.Textbox(label="Role", elem_id="role")
                    interviewers = gr.Dataframe(
                        headers=forms.INTERVIEWER_COLUMNS, type="array", interactive=True, row_count=2,
                        label="Interviewers (role: recruiter, hiring_manager, panel or senior)", elem_id="interviewers",
                    )  # fmt: skip
                    interview_date = gr.DateTime(
                        label="Interview date", include_time=False, type="string", elem_id="interview-date"
                    )
                    asked = gr.Checkbox(label="I asked about next steps before leaving", elem_id="asked")
                    promised = gr.DateTime(
                        label="They said they'd decide by", include_time=False, type="string", elem_id="promised"
                    )
                    topics = gr.Textbox(label="What you discussed (one per line)", lines=3, elem_id="topics")
                    with gr.Accordion("More: things to share, what you sent, replies, outcome", open=False):
                        shareables = gr.Dataframe(
                            headers=forms.SHAREABLE_COLUMNS,
                            type="array",
                            interactive=True,
                            label="Things to share (kind: article or contact)",
                        )
                        updates = gr.Textbox(label="Your news (travel, other offers' deadlines)", lines=2)
                        history = gr.Dataframe(
                            headers=forms.HISTORY_COLUMNS,
                            type="array",
                            interactive=True,
                            label="Messages you sent (kind: thank_you, value_add, check_in, escalation, closing)",
                        )
                        replies = gr.Dataframe(
                            headers=forms.REPLY_COLUMNS,
                            type="array",
                            interactive=True,
                            label="Replies from the employer",
                        )
                        outcome = gr.Dropdown(
                            ["pending", "rejected", "offer", "withdrawn"], value="pending", label="Outcome"
                        )
                        senior_name = gr.Textbox(label="Someone more senior: name")
                        senior_title = gr.Textbox(label="Someone more senior: title")
                        country = gr.Textbox(label="Country for public holidays (e.g. US, GB, DE)")
                    today = gr.DateTime(
                        label="Today",
                        include_time=False,
                        type="string",
                        value=date.today().isoformat(),
                        elem_id="today",
                    )
                    backend = gr.Dropdown(BACKENDS, value="auto", label="Who writes the drafts", elem_id="backend")
                    go = gr.Button("Advise me", variant="primary", elem_id="advise")
                    errors = gr.Markdown(elem_id="form-errors")
                with gr.Column(scale=1):
                    card = gr.HTML(elem_id="decision")
                    drafts_state = gr.State([])
                    notes_state = gr.State(None)
                    saved = gr.Markdown(elem_id="saved")

                    @gr.render(inputs=[drafts_state, notes_state])
                    def show_drafts(drafts: list[dict[str, Any]], notes_json: str | None) -> None:
                        if not drafts:
                            return
                        with gr.Tabs():
                            for i, draft in enumerate(drafts):
                                with gr.Tab(draft["recipient"], id=f"draft-{i}"):
                                    gr.Markdown(draft["header"])
                                    gr.Textbox(
                                        draft["subject"] or "",
                                        label="Subject",
                                        buttons=["copy"],
                                        interactive=True,
                                        elem_id=f"subject-{i}",
                                    )
                                    body = gr.Textbox(
                                        draft["body"],
                                        label="Draft (edit it; the check runs again)",
                                        lines=14,
                                        buttons=["copy"],
                                        interactive=True,
                                        elem_id=f"body-{i}",
                                    )
                                    report = gr.HTML(
                                        draft["tone"],
                                        elem_id=f"tone-{i}",
                                    )
                                    body.change(
                                        recheck,
                                        [
                                            body,
                                            gr.State(notes_json),
                                            gr.State(draft["kind"]),
                                            gr.State(draft["channel"]),
                                        ],
                                        report,
                                    )
                                    with gr.Row():
                                        gr.HTML(_mail_link(draft))
                                        gr.DownloadButton("Next step as .ics", value=draft["ics"], size="sm")
                                        keep = gr.Button("Save to the tracker", size="sm", elem_id=f"save-{i}")
                                        keep.click(save, [gr.State(notes_json)], saved)

            form = [
                *(candidate, company, role, interviewers, interview_date, asked, promised, topics, shareables),
                *(updates, history, replies, outcome, senior_name, senior_title, country),
            ]
            example.click(load_example, None, [*form, today])
            go.click(submit, [*form, today, backend], [errors, card, drafts_state, notes_state])

        with gr.Tab("Chat", id="chat"):
            gr.Markdown(
                "Describe the interview in your own words: who you met, where, when, and what they said about timing."
            )
            chatbot = gr.Chatbot(elem_id="chatbot", height=460)
            said = gr.Textbox(
                placeholder="I met Priya Shah, Head of Data at Northwind, on Tuesday for the analyst role…",
                label="You",
                elem_id="chat-input",
            )
            chat_state = gr.State(new_state())
            said.submit(chat, [said, chatbot, chat_state, backend], [said, chatbot, chat_state])

        with gr.Tab("Tracker", id="tracker"):
            refresh = gr.Button("Refresh", size="sm", elem_id="refresh")
            table = gr.Dataframe(
                headers=["id", "company", "role", "interview", "outcome"], interactive=False, elem_id="tracker-table"
            )
            due = gr.Markdown(elem_id="due")
            with gr.Accordion("Record what happened", open=False):
                with gr.Row():
                    what = gr.Radio(["sent", "replied", "outcome"], value="sent", label="What")
                    interview_id = gr.Number(label="Interview id", precision=0)
                    kind = gr.Dropdown(
                        ["thank_you", "value_add", "check_in", "escalation", "closing"],
                        value="check_in",
                        label="Message kind",
                    )
                    who = gr.Textbox(label="Sent to (names, separated by ;)")
                with gr.Row():
                    on = gr.DateTime(label="On", include_time=False, type="string", value=date.today().isoformat())
                    new_date = gr.DateTime(label="New promised date (replies)", include_time=False, type="string")
                    result = gr.Dropdown(
                        ["pending", "rejected", "offer", "withdrawn"], value="pending", label="Outcome"
                    )
                record = gr.Button("Record")
                recorded = gr.Markdown()
            refresh.click(tracker_view, None, [table, due])
            record.click(tracker_record, [what, interview_id, kind, who, on, new_date, result], recorded).then(
                tracker_view, None, [table, due]
            )
    demo.load(tracker_view, None, [table, due])


def launch() -> None:
    auth = os.environ.get("FOLLOWUP_AUTH")
    demo.queue().launch(
        server_name=os.environ.get("FOLLOWUP_HOST", "127.0.0.1"),
        server_port=int(os.environ.get("FOLLOWUP_PORT", "7860")),
        auth=tuple(auth.split(":", 1)) if auth and ":" in auth else None,  # type: ignore[arg-type]
        show_error=False,
    )


if __name__ == "__main__":
    launch()
