"""followup eval: run the cases against the prompts (and a baseline), report, exit 0, 1 or 2."""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import tempfile
from pathlib import Path
from typing import Any, TextIO

from followup.backends.choose import resolve_name
from followup.backends.settings import BACKENDS, OPENAI_URL
from followup.drafting.prompts import DEFAULT_DIR, PromptError, load_prompts
from followup.errors import InputError
from followup.evals.cache import CachingBackend
from followup.evals.cases import CaseError, load_cases
from followup.evals.chat import SPLITS, ChatEvalError, run_chat
from followup.evals.chat import markdown as chat_markdown
from followup.evals.compare import compare
from followup.evals.reports import markdown, write
from followup.evals.runner import metrics, run_cases
from followup.settings import current

#: Cases and the cache are the project's files, found from where the command runs (a checkout's root).
DEFAULT_CASES = "evals/cases/*.yaml"
DEFAULT_CACHE = Path("evals") / "cache"
#: Where a git ref keeps its prompts: the package's folder, or the top-level one of older refs.
PROMPT_FOLDERS = ("src/followup/prompts", "prompts")


class EvalUsageError(InputError):
    """A usage error of followup eval: exit code 2."""


def register(commands: Any) -> None:
    parser = commands.add_parser("eval", help="run the eval cases against the prompts; compare with a baseline")
    parser.add_argument("--backend", choices=list(BACKENDS), default="template")
    parser.add_argument(
        "--prompts", type=Path, default=None, help="the candidate prompts (default: src/followup/prompts/)"
    )
    parser.add_argument("--baseline", help="baseline prompts: a folder, or a git ref whose prompts to use")
    parser.add_argument("--cases", default=DEFAULT_CASES, help="a glob of case files")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--concurrency", type=int, default=1)
    cache = parser.add_mutually_exclusive_group()
    cache.add_argument("--cache", type=Path, default=None, help=f"the answer cache (default: {DEFAULT_CACHE})")
    cache.add_argument("--no-cache", action="store_true", help="always ask the model")
    parser.add_argument("--refresh", action="store_true", help="ask the model again and overwrite the cache")
    parser.add_argument("--cache-only", action="store_true", help="never ask the model: replay the cache")
    parser.add_argument("--report", type=Path, help="write summary.md, report.html and results.json here")
    parser.add_argument("--fail-under", type=float, help="exit 1 when the case pass rate is below this (0 to 1)")
    parser.add_argument("--chat", choices=list(SPLITS), help="also score the chat cases of evals/chat/ (this split)")
    parser.add_argument("--chat-engine", default="rules", choices=["rules", "openai", "local"])
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, out: TextIO) -> int:
    try:
        cases = load_cases(args.cases)
        candidate_dir = args.prompts or DEFAULT_DIR
        load_prompts(candidate_dir)
        baseline_dir = _baseline(args.baseline) if args.baseline else None
        if baseline_dir is not None:
            load_prompts(baseline_dir)
        backend_for = _backends(args)
    except (CaseError, PromptError, EvalUsageError, ValueError) as exc:
        raise EvalUsageError(str(exc)) from None
    common = {"repeat": max(1, args.repeat), "concurrency": max(1, args.concurrency)}
    candidate = asyncio.run(run_cases(cases, backend_for, prompts_dir=candidate_dir, **common))
    baseline = comparison = None
    if baseline_dir is not None:
        baseline = asyncio.run(run_cases(cases, backend_for, prompts_dir=baseline_dir, **common))
        comparison = compare(baseline, candidate)
    info = {
        "backend": backend_for.name,
        "model": getattr(backend_for, "model", None),
        "prompts": str(candidate_dir),
        "baseline": args.baseline,
        "repeat": common["repeat"],
    }
    summary = markdown(candidate, info, comparison, baseline)
    chat = None
    if getattr(args, "chat", None):  # absent when a caller builds the arguments itself
        try:
            chat = run_chat(args.chat, getattr(args, "chat_engine", "rules"))
        except ChatEvalError as exc:
            raise EvalUsageError(str(exc)) from None
        summary += chat_markdown(chat)
    out.write(summary)
    if args.report:
        write(args.report, candidate, baseline, summary, info, comparison, chat)
        out.write(f"\nReport: {args.report / 'report.html'}\n")
    failed = comparison is not None and comparison.regressed
    if args.fail_under is not None and metrics(candidate)["case_pass_rate"] < args.fail_under:
        out.write(f"\nThe case pass rate is below {args.fail_under:.0%}.\n")
        failed = True
    return 1 if failed else 0


class _Backends:
    """The backend for each repeat index, behind the cache unless told otherwise."""

    def __init__(self, name: str, make: Any, identity: dict[str, Any], cache: Path | None, mode: str) -> None:
        self.name = name
        self.model = identity.get("model")
        self._cached = CachingBackend(make, cache, identity=identity, mode=mode) if cache and make else None
        self._make = make
        self._live: Any = None

    def __call__(self, repeat: int) -> Any:
        if self._make is None:
            return None
        if self._cached is not None:
            return self._cached.with_repeat(repeat)
        if self._live is None:
            self._live = self._make()
        return self._live


def _backends(args: argparse.Namespace) -> _Backends:
    name = resolve_name(args.backend)
    if args.cache_only and args.no_cache:
        raise EvalUsageError("--cache-only needs the cache; drop --no-cache")
    mode = "only" if args.cache_only else "refresh" if args.refresh else "use"
    cache = None if args.no_cache else (args.cache or DEFAULT_CACHE)
    if name == "template":
        return _Backends("template", None, {}, None, mode)
    if name == "local":
        from followup.backends.local import BUNDLED, LocalBackend, adapter_path, model_alias

        settings = current()
        model = Path(settings.local_model).stem if settings.local_model else BUNDLED
        adapter = adapter_path()
        api = ("short" if adapter else "completion") if model == BUNDLED else settings.local_api
        if model == BUNDLED:
            model = model_alias(BUNDLED, adapter)
        identity = {"backend": "local", "endpoint": "local", "model": model, "api": api}
        return _Backends("local", LocalBackend, identity, cache, mode)
    from followup.backends.openai_backend import OpenAIBackend

    settings = current()
    identity = {
        "backend": "openai",
        "endpoint": settings.openai_base_url or OPENAI_URL,
        "model": settings.model,
        "api": "chat",
    }
    return _Backends("openai", OpenAIBackend, identity, cache, mode)


def _baseline(value: str) -> Path:
    path = Path(value)
    if path.is_dir():
        return path
    for folder in PROMPT_FOLDERS:
        listing = subprocess.run(
            ["git", "ls-tree", "--name-only", f"{value}:{folder}"], capture_output=True, text=True, check=False
        )
        if listing.returncode == 0:
            break
    else:
        raise EvalUsageError(f"--baseline {value}: neither a folder nor a git ref with a prompts folder")
    target = Path(tempfile.mkdtemp(prefix="followup-baseline-"))
    for name in listing.stdout.split():
        if name.endswith(".yaml"):
            shown = subprocess.run(["git", "show", f"{value}:{folder}/{name}"], capture_output=True, check=True)
            (target / name).write_bytes(shown.stdout)
    return target
