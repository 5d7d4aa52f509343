"""What a draft was asked to do, when the caller knows: whom it is to, whom it copies, what it shares.

The tone check reads a draft against its kind and the notes; given the task as well, it
also checks that the draft does that task: it greets the person it is to, names the
contact it introduces, carries the link of the article it shares, and says it copies
only the people it copies.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from followup.tone.report import DraftKind


class DraftTask(BaseModel):
    """The job one draft was written for (all optional: a check runs only for what is given)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    recipient: str | None = Field(None, description="The full name of the person the message is to.")
    action: DraftKind | None = Field(
        None, description="What the message is for, when its kind does not say (a LinkedIn note's action)."
    )
    copied: list[str] = Field(
        [], description="Everyone the message copies or keeps in the loop (an escalation's contact)."
    )
    article_title: str | None = Field(None, description="A value-add's article, if it shares one.")
    article_url: str | None = None
    introduces: str | None = Field(None, description="The name of the person a value-add introduces.")
    addressed: str | None = Field(
        None, description='How the notes address the recipient, with a title ("Dr Adeyemi", "Sir Ramon", "Mori-san").'
    )
