"""followup extract and followup eval-chat; the model engine on the wire (a hand-written cassette)."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from followup.cli import main
from followup.extract import extract_notes
from followup.extract.model_engine import ModelFacts, extract_with_model
from followup.notes_io import load_notes

from .cassette_config import REPLAY_URL, use

TEXT = (
    "I'm Sam Lee. interviewed w/ tom ellis (recruiter) and priya shah at northwind analytics last thurs "
    "for the data analyst role. sent both of them thank you emails same day"
)


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    return main(argv, out=out, err=io.StringIO()), out.getvalue()


def test_extract_then_advise(tmp_path: Path) -> None:
    code, text = run(["extract", TEXT, "--today", "2026-11-24"])
    assert code == 0
    notes_file = tmp_path / "notes.yaml"
    notes_file.write_text(text, encoding="utf-8")
    notes = load_notes(notes_file)
    assert (notes.candidate_name, notes.company, notes.role) == ("Sam Lee", "Northwind Analytics", "Data Analyst")
    code, advice = run(["advise", str(notes_file), "--today", "2026-11-24", "--backend", "template"])
    assert code == 0
    assert "Reconnect" in advice


def test_missing_facts_are_comments_and_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, text = run(["extract", "interviewed yesterday with Kim Ode (recruiter)", "--today", "2026-11-24"])
    assert code == 1
    assert "# still needed: company" in text
    assert yaml.safe_load(text)["interview_date"] == "2026-11-23"
    assert "still needed" in capsys.readouterr().err


def test_extract_json_has_the_evidence() -> None:
    code, text = run(["extract", TEXT, "--today", "2026-11-24", "--json"])
    result = json.loads(text)
    assert code == 0
    assert result["evidence"]["interview_date"][0]["phrase"] == "last thurs"


def test_extract_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(TEXT))
    assert run(["extract", "-", "--today", "2026-11-24"])[0] == 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["extract", "x" * 1_000_001], "longer than 1,000,000 characters"),
        (["extract", "hi", "--country", "Narnia"], "not a country code"),
    ],
)
def test_bad_input_is_one_line(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(argv)[0] == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


@pytest.mark.parametrize("text", ["", "\x00\x1b[2J", "<script>alert(1)</script>"])
def test_empty_or_odd_text_says_what_is_needed(text: str) -> None:
    code, out = run(["extract", text, "--today", "2026-11-24"])
    assert code == 1
    assert "# still needed: interview_date" in out


def test_eval_chat_reports_the_figures(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1] / "evals" / "chat" / "dev"
    cases = yaml.safe_load((root / "handwritten.yaml").read_text(encoding="utf-8"))[:3]
    (tmp_path / "dev").mkdir()
    (tmp_path / "dev" / "some.yaml").write_text(yaml.safe_dump(cases), encoding="utf-8")
    code, text = run(["eval-chat", "--set", str(tmp_path), "--json"])
    figures = json.loads(text)
    assert code == 0
    assert figures["cases"] == 3
    assert set(figures["per_field"]) >= {"interview_date", "interviewers", "history"}


def test_eval_chat_without_cases_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["eval-chat", "--set", str(tmp_path)])[0] == 2
    assert "no chat cases" in capsys.readouterr().err


def test_model_engine_retries_once_and_resolves_dates_itself() -> None:
    import openai

    client = openai.OpenAI(api_key="sk-test", base_url=REPLAY_URL, max_retries=0)
    turns = [TEXT, "Actually Tom emailed me yesterday saying they need another week"]
    with use("hand_written_extract_retry.yaml") as cassette:
        result = extract_with_model(turns, today=date(2026, 11, 24), known={}, country=None, client=client, model="m")
    assert cassette.play_count == 2
    notes = result.notes
    assert notes["interview_date"] == "2026-11-19"  # the words "last thurs", not the model's reading 2026-11-12
    assert notes["promised_reply_date"] == "2026-11-20"
    assert notes["history"] == [{"kind": "thank_you", "sent_on": "2026-11-19", "to": ["Tom Ellis", "Priya Shah"]}]
    assert notes["employer_replies"] == [{"on": "2026-11-23", "new_promised_date": "2026-11-30"}]
    assert result.engine == "openai"
    assert result.missing == ["role"]


class _FakeClient:
    """Queued answers; records each request (the retry's wording is checked here, not on the wire)."""

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.requests: list[dict[str, object]] = []
        self.chat = self
        self.completions = self

    def create(self, **request: object) -> object:
        from types import SimpleNamespace

        self.requests.append(request)
        message = SimpleNamespace(content=self.answers.pop(0))
        return SimpleNamespace(choices=[SimpleNamespace(message=message)])


def test_the_retry_sends_the_validation_errors_back() -> None:
    client = _FakeClient('{"outcome": "maybe"}', '{"outcome": "rejected", "interview_date": {"phrase": "yday"}}')
    result = extract_with_model(
        ["rejected after yday's interview"], today=date(2026, 11, 24), known={}, country=None, client=client
    )
    assert len(client.requests) == 2
    messages = client.requests[1]["messages"]
    assert isinstance(messages, list)
    assert "does not fit the schema" in messages[-1]["content"]
    assert "outcome" in messages[-1]["content"]
    assert result.notes["outcome"] == "rejected"
    assert result.notes["interview_date"] == "2026-11-23"


def test_the_embedded_server_gets_the_schema_as_a_grammar() -> None:
    client = _FakeClient('{"interview_date": {"phrase": "today"}}')
    result = extract_with_model(
        ["interviewed today"], today=date(2026, 11, 24), known={}, country=None, client=client, embedded=True
    )
    response_format = client.requests[0]["response_format"]
    assert isinstance(response_format, dict)
    assert response_format["type"] == "json_object"
    assert response_format["schema"]["title"] == "ModelFacts"
    assert result.engine == "local"
    assert result.notes["interview_date"] == "2026-11-24"


def test_two_bad_answers_are_one_clear_error() -> None:
    from followup.extract.model_engine import ModelAnswerError

    with pytest.raises(ModelAnswerError, match="did not fit the schema twice"):
        extract_with_model(["x"], today=date(2026, 11, 24), known={}, country=None, client=_FakeClient("{", "[]"))


def test_model_schema_is_closed() -> None:
    assert ModelFacts.model_json_schema()["additionalProperties"] is False


def test_the_model_engine_without_a_server_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from followup.extract import ExtractError

    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("FOLLOWUP_MAX_RETRIES", "0")
    monkeypatch.setenv("FOLLOWUP_TIMEOUT", "2")
    with pytest.raises(ExtractError, match="could not be reached"):
        extract_notes("interviewed yesterday", today=date(2026, 11, 24), backend="openai")
