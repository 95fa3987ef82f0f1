"""A simulated official: picks the next request from the last reply, like a person would.

Used by the API tests, the replica test and ``evals/load_api.py``. Works on reply JSON only (what
any HTTP client sees). Each element gets a typed answer first; if that does not lead to a
proposal, a level button; a proposal is confirmed; the read-back is finished.
"""

from __future__ import annotations

from typing import Any

INTAKE_TEXT = {"name": "Springfield", "population": "1.2 million"}
ANSWERS = {
    "en": (
        "We have a draft strategy and a pilot project is running.",
        "An adopted plan is in place and operating across departments.",
        "We are only discussing it; nothing is written yet.",
        "Fully in place: every department works to it continuously.",
    ),
    "ja": ("草案があり、実証事業を進めています。", "計画は採択され、運用しています。"),
}
PROFILE = {"name": "Springfield", "country": "Utopia", "city_type": "regional_core"}


class Official:
    """One person's policy; ``confirmed`` is every answer the API said it saved."""

    def __init__(self, seed: int = 0, lang: str = "en") -> None:
        self.seed = seed
        self.lang = lang
        self.typed: set[str] = set()
        self.confirmed: dict[str, int | None] = {}
        self.turns = 0

    def observe(self, reply: dict[str, Any]) -> None:
        """Note an answer the API confirmed (its level from the reply's progress)."""
        saved = reply.get("saved_element")
        if reply.get("saved") and saved:
            levels = {e["id"]: e for e in reply["progress"]["elements"]}
            self.confirmed[saved] = levels[saved]["level"]

    def next_turn(self, reply: dict[str, Any]) -> dict[str, Any] | None:
        """The next ``/turns`` body, or None when the interview is over."""
        self.observe(reply)
        phase = reply["phase"]
        choices = [c["action"] for c in reply.get("choices", [])]
        self.turns += 1
        if phase == "done":
            return None
        if phase == "intake":
            field = reply.get("intake_field")
            if field in INTAKE_TEXT:
                return {"text": INTAKE_TEXT[field]}
            return {"choice": choices[0]} if choices else {"text": "skip"}
        if phase == "confirm":
            return {"choice": _first(choices, "confirm")}
        if phase == "readback":
            return {"choice": _first(choices, "finish")}
        element = reply["element"]
        if element not in self.typed:
            self.typed.add(element)
            texts = ANSWERS[reply["lang"]]
            return {"text": texts[(self.seed + int(element[1:])) % len(texts)]}
        level = (self.seed + int(element[1:])) % 5
        for action in choices:
            if action["kind"] == "level" and action["level"] == level:
                return {"choice": action}
        return {"choice": _first(choices, "unknown")}


def _first(choices: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    for action in choices:
        if action["kind"] == kind:
            return action
    raise AssertionError(f"no {kind!r} choice in {[c['kind'] for c in choices]}")
