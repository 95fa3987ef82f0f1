"""Turning the framework and assessments into text for people (terminal, Markdown, HTML)."""
