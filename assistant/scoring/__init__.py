"""Pure, deterministic scoring of answers against the framework (no I/O, no LLM)."""

from assistant.scoring.assess import assess, domain_scores, priorities_of, stage_of
from assistant.scoring.result import Assessment
from assistant.scoring.rules import SCORING_VERSION

__all__ = ["SCORING_VERSION", "Assessment", "assess", "domain_scores", "priorities_of", "stage_of"]
