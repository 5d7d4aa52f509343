"""Offline evals for prompt changes: cases, a cached runner, metrics, comparison, reports."""
