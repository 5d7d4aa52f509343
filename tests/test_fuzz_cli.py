"""Fuzzing the command line: random bytes, random YAML and JSON, and mangled real notes as
notes files and tracker backups, under random settings. Whatever comes in, the command
exits 0 (or 2 with one line on stderr), never with a traceback, and writes nothing outside
its temporary folder."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.cli import main
from tests.builders import notes_data

ROOT = Path(__file__).parent.parent
#: The settings a person may set; FOLLOWUP_DB is left pointing into the test's folder.
VARIABLES = (
    "FOLLOWUP_BACKEND",
    "FOLLOWUP_TIMEOUT",
    "FOLLOWUP_MAX_RETRIES",
    "FOLLOWUP_DEADLINE",
    "FOLLOWUP_MODEL",
    "FOLLOWUP_LOCAL_API",
    "FOLLOWUP_LOCAL_MODEL",
    "FOLLOWUP_PROMPTS",
    "OPENAI_BASE_URL",
    "OPENAI_API_KEY",
)
FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
data = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=15), inner, max_size=4),
    max_leaves=20,
)
env_values = st.text(alphabet=st.characters(blacklist_characters="\x00", codec="utf-8"), max_size=40)
environments = st.dictionaries(st.sampled_from(VARIABLES), env_values | st.sampled_from(["", "0", "-1", "1e999"]))


def _mangled(draw: Any) -> dict[str, Any]:
    """Real notes with one field replaced by random data."""
    base = notes_data()
    key = draw(st.sampled_from([*base, "history", "employer_replies", "shareables", "country", "bogus"]))
    base[key] = draw(data)
    return base


mangled = st.composite(lambda draw: _mangled(draw))()


@st.composite
def file_texts(draw: Any) -> bytes:
    kind = draw(st.sampled_from(["bytes", "yaml", "json", "mangled-yaml", "mangled-json"]))
    if kind == "bytes":
        return bytes(draw(st.binary(max_size=300)))
    value = draw(mangled) if kind.startswith("mangled") else draw(data)
    if kind.endswith("yaml"):
        return yaml.safe_dump(value, allow_unicode=True).encode()
    return json.dumps(value).encode()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _snapshot() -> dict[str, float]:
    """Every file of the checkout (but caches and the test outputs), with its change time."""
    skip = {".git", ".venv", ".venv-ci", ".hypothesis", ".pytest_cache", ".mypy_cache", ".ruff_cache", "test-artifacts"}
    found: dict[str, float] = {}
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = [s for s in subfolders if s not in skip and s != "__pycache__"]
        for name in files:
            path = os.path.join(folder, name)
            found[path] = os.stat(path).st_mtime
    return found


@pytest.fixture(scope="module", autouse=True)
def _nothing_outside_written() -> Iterator[None]:
    before = _snapshot()
    yield
    assert _snapshot() == before


def _run(argv: list[str], env: dict[str, str], workdir: Path) -> tuple[int, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("FOLLOWUP_", "OPENAI_"))}
    clean |= {"FOLLOWUP_DB": str(workdir / "tracker.sqlite3"), **env}
    out, err = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    with mock.patch.dict(os.environ, clean, clear=True):
        os.chdir(workdir)
        try:
            code = main(argv, out, err)
        finally:
            os.chdir(cwd)
    return code, err.getvalue()


def _assert_clean_exit(code: int, err: str) -> None:
    assert code in (0, 2), (code, err)
    assert "Traceback" not in err
    if code == 2:
        assert err.startswith("followup: error: ")
        assert err.count("\n") == 1, err
    else:
        assert err == ""


@FUZZ
@given(text=file_texts(), suffix=st.sampled_from([".yaml", ".json"]), env=environments)
def test_any_notes_file(workdir: Path, text: bytes, suffix: str, env: dict[str, str]) -> None:
    path = workdir / f"notes{suffix}"
    path.write_bytes(text)
    for argv in (["plan", str(path), "--today", "2026-11-26"], ["advise", str(path), "--backend", "template"]):
        _assert_clean_exit(*_run(argv, env, workdir))


@FUZZ
@given(text=file_texts(), env=environments)
def test_any_backup_file(workdir: Path, text: bytes, env: dict[str, str]) -> None:
    path = workdir / "backup.json"
    path.write_bytes(text)
    _assert_clean_exit(*_run(["import", str(path)], env, workdir))


@FUZZ
@given(entries=st.lists(st.fixed_dictionaries({"id": data, "notes": mangled | data}), max_size=3), env=environments)
def test_any_backup_entries(workdir: Path, entries: list[dict[str, Any]], env: dict[str, str]) -> None:
    path = workdir / "backup.json"
    path.write_text(json.dumps({"format": "followup-backup", "version": 1, "interviews": entries}))
    _assert_clean_exit(*_run(["import", str(path)], env, workdir))


@FUZZ
@given(
    turns=st.lists(st.text(alphabet=st.characters(blacklist_characters="\x00"), max_size=200), min_size=1, max_size=3),
    country=st.none() | st.text(max_size=4),
    env=environments,
)
def test_any_chat_text(workdir: Path, turns: list[str], country: str | None, env: dict[str, str]) -> None:
    argv = ["extract", *turns, "--today", "2026-11-24"] + (["--country", country] if country is not None else [])
    code, err = _run(argv, env, workdir)
    if code == 1:  # facts still missing: the notes were printed, and what is needed said on stderr
        return
    _assert_clean_exit(code, err)
