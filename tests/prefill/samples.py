"""Two short documents of one city that disagree on its vision (E01): the strategy says it is
adopted and linked to the national strategy (level 3), the committee's minutes that none exists
yet and one is only about to be drafted (level 1 in the rubric: "one is being discussed or
drafted"; "none is being drafted" would be level 0). Read by the real reader, they give no draft
for E01, only the two passages."""

from __future__ import annotations

STRATEGY_NAME = "vision-strategy.md"
STRATEGY = """# Harbourton Smart City Strategy

## Vision

The City Council adopted the smart city vision in March 2025; it is linked to the national digital strategy and the city plan, and it guides the choice of every project.
"""
STRATEGY_QUOTE = STRATEGY.splitlines()[4]

MINUTES_NAME = "ict-minutes.md"
MINUTES = """# Council ICT committee, minutes of 12 May 2026

## Vision

The committee noted that the city has no smart city vision yet; the planning department has been asked to start drafting one.
"""
MINUTES_QUOTE = MINUTES.splitlines()[4]
