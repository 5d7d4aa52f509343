"""The overall deadline of one ``advise`` call, seen by every model request made for it.

The advisor sets it once per call; the gate makes no new attempt after it, and the
OpenAI-compatible backend cancels a request still running when it passes, retries and
slow streams included. It travels in a context variable, so the backends' interface
stays as it is and drafts made in parallel threads each see their own.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")

_deadline: ContextVar[float | None] = ContextVar("followup_deadline", default=None)


@contextmanager
def deadline_at(at: float | None) -> Iterator[None]:
    """Model requests made inside have until ``at`` (``time.monotonic()``); None: no deadline."""
    token = _deadline.set(at)
    try:
        yield
    finally:
        _deadline.reset(token)


def time_left() -> float | None:
    """Seconds until the deadline (negative once past), or None when there is none."""
    at = _deadline.get()
    return None if at is None else at - time.monotonic()


def run_within(coroutine: Coroutine[Any, Any, T], seconds: float | None) -> T:
    """Run ``coroutine`` to its end from synchronous code, cancelled after ``seconds``
    (TimeoutError). Works whether or not an event loop already runs in this thread."""

    async def bounded() -> T:
        return await asyncio.wait_for(coroutine, seconds) if seconds is not None else await coroutine

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(bounded())
    with ThreadPoolExecutor(max_workers=1) as pool:  # a loop runs here: use a thread of our own
        return pool.submit(asyncio.run, bounded()).result()
