"""One module per check; each exposes ``check(draft, facts) -> list[Finding]``."""
