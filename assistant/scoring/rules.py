"""The scoring rules, in one place. docs/scoring.md says the same in prose; change both together
and bump SCORING_VERSION whenever a rule or a number here changes."""

from __future__ import annotations

from fractions import Fraction

SCORING_VERSION = "1.0.0"

# Stage (rule S): needs enough answers to say anything.
MIN_ANSWERED = 11  # more than half of the 21 elements must have a known level ...
# ... and every domain at least one known level (checked in assess).
ACCELERATE_FROM = Fraction(3, 2)  # overall >= 1.5 -> accelerate
SUSTAINABLE_FROM = Fraction(3)  # overall >= 3.0 ...
SUSTAINABLE_MIN_DOMAIN = Fraction(2)  # ... and no domain under 2.0 -> sustainable_growth

# Gaps and priorities (rule P).
GAP_MAX_LEVEL = 2  # a known level of 0, 1 or 2 is a gap (not yet "established")
PRIORITY_MIN, PRIORITY_MAX = 3, 5
# Foundations first: a vision and a body to carry it come before platforms and operation.
FOUNDATION_ORDER = ("policy", "organization", "system", "technology", "operation")

# Cooperation (rule C): relevance of a menu line.
GAP_WEIGHT_BASE = 3  # each triggering element adds (3 - its level): level 0 adds 3, level 2 adds 1
UNKNOWN_WEIGHT = 1  # survey lines: each unknown element among theirs adds 1
PRIORITY_BONUS = 2  # each triggering element that is also a priority adds 2
LEAD_ACTOR_BONUS = 1  # the line's level matches who leads (national -> national, else city)
SURVEY_TYPE = "survey"

LEAD_ACTOR_LEVEL = {"national": "national", "municipal": "city", "private": "city"}
