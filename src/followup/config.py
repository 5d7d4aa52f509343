"""Every threshold of the policy, in one typed place. The README gives each one's source."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class PolicyConfig(BaseModel):
    """Thresholds of the follow-up policy. Counts are business days unless named otherwise."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    thank_you_window: int = Field(
        5, ge=0, le=30, description="Rule 3: a thank-you is still worth sending this long after."
    )
    value_add_after_thank_you: int = Field(
        2, ge=0, le=30, description="Rule 5: wait this long after the thank-you to share something."
    )
    reconnect_after_promise: int = Field(
        2, ge=0, le=30, description="Rule 4: check in this long after the promised reply date."
    )
    reconnect_without_promise: int = Field(
        7, ge=1, le=60, description="Rule 4: with no promised date, check in this long after."
    )
    escalate_after_check_in: int = Field(
        5, ge=1, le=60, description="Rule 7: an unanswered check-in this old is taken up."
    )
    move_on_after_escalation: int = Field(
        7, ge=1, le=60, description="Rule 8: an unanswered escalation this old means move on."
    )
    move_on_after_follow_ups: int = Field(
        3, ge=1, le=20, description="Rule 8: this many unanswered follow-ups mean move on."
    )
    move_on_days_past_promise: int = Field(
        30, ge=1, le=365, description="Rule 8: calendar days of silence past the promised date."
    )
    min_gap_same_person: int = Field(
        5, ge=0, le=30, description="Rule 9: never two messages to one person closer than this."
    )
