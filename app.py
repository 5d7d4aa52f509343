"""The follow-up advisor's entry point.

The Gradio web UI will live here (a later issue). Until then, ``python app.py
[NOTES]`` prints today's advice for a notes file, the example by default: the
decision and a draft per recipient that passed the tone check.
"""

from __future__ import annotations

import sys
from pathlib import Path

from followup.cli import main

EXAMPLE = Path(__file__).parent / "examples" / "northwind.yaml"

if __name__ == "__main__":
    raise SystemExit(main(["advise", *(sys.argv[1:] or [str(EXAMPLE)])]))
