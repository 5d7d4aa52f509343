"""Drafting: prompts, model backends, the template engine and the tone gate."""
