"""Pydantic types shared by every part: the framework, the answers file and the assessment.

The framework types are strict (``extra="forbid"``, both languages required) so that a gap in
`knowledge/framework/` fails loudly at start-up instead of showing a blank in one language.
"""

from __future__ import annotations

import json
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from assistant.limits import MAX_EVIDENCE

Lang = Literal["en", "ja"]
LANGS: tuple[Lang, ...] = ("en", "ja")
DomainId = Literal["policy", "organization", "system", "technology", "operation"]
DOMAIN_IDS: tuple[DomainId, ...] = ("policy", "organization", "system", "technology", "operation")
StageId = Literal["small_start", "accelerate", "sustainable_growth"]
STAGE_IDS: tuple[StageId, ...] = ("small_start", "accelerate", "sustainable_growth")
CityType = Literal["metropolis", "regional_core", "industry_specialized", "area_development"]
CITY_TYPES: tuple[CityType, ...] = (
    "metropolis",
    "regional_core",
    "industry_specialized",
    "area_development",
)
LeadActor = Literal["national", "municipal", "private"]
ScaleUpId = Literal["area", "sector"]
CoopLevel = Literal["national", "city"]
Provenance = Literal["printed", "reading"]
ELEMENT_IDS: tuple[str, ...] = tuple(f"E{i:02d}" for i in range(1, 22))


class Strict(BaseModel):
    """Base for framework data: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A text in both languages; neither may be blank."""

    en: str
    ja: str

    @field_validator("en", "ja")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value or not value.strip():
            raise ValueError("must not be empty")
        return value.strip()

    def get(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.ja


class Domain(Strict):
    id: DomainId
    name: Text
    provenance: Provenance = "printed"


class RubricLevel(Strict):
    """One of the five levels of an element's rubric (the project's own scale, not printed)."""

    level: int = Field(ge=0, le=4)
    text: Text
    evidence: Text


class PairQuestion(Strict):
    """The one short question that tells two adjacent rubric levels apart (issue 10).

    Asked when the interpreter's two most likely levels are close: the reply decides.
    """

    levels: tuple[int, int]
    question: Text


PAIRS: tuple[tuple[int, int], ...] = ((0, 1), (1, 2), (2, 3), (3, 4))

# Each pair question is "<the higher level's side>, or <the lower level's side>?" (ja: "…か、
# それとも…か？"): checked when the framework loads, so two non-adjacent levels can be asked
# about with one side of each of their own pairs.
OR: dict[Lang, str] = {"en": ", or ", "ja": "それとも"}


def upper_side(question: str, lang: Lang) -> str:
    """The higher level's side of a pair question ("Has the vision been adopted")."""
    return question.split(OR[lang])[0]


def lower_side(question: str, lang: Lang) -> str:
    """The lower level's side of a pair question ("is it still a draft?")."""
    return question.split(OR[lang])[1]


class Element(Strict):
    id: str = Field(pattern=r"^E(0[1-9]|1[0-9]|2[01])$")
    domain: DomainId
    name: Text
    name_provenance: Provenance
    short: Text
    desired_state: Text
    desired_state_provenance: Provenance = "printed"
    question: Text
    probes: list[Text] = Field(min_length=1, max_length=2)
    rubric: list[RubricLevel] = Field(min_length=5, max_length=5)
    keywords: dict[Lang, list[str]]
    separating: list[PairQuestion] = Field(min_length=4, max_length=4)

    @model_validator(mode="after")
    def _rubric_is_0_to_4(self) -> Element:
        if [r.level for r in self.rubric] != [0, 1, 2, 3, 4]:
            raise ValueError(f"{self.id}: rubric levels must be exactly 0, 1, 2, 3, 4 in order")
        for lang in LANGS:
            if not self.keywords.get(lang):
                raise ValueError(f"{self.id}: keywords.{lang} must list at least one keyword")
        if tuple(q.levels for q in self.separating) != PAIRS:
            raise ValueError(f"{self.id}: separating must hold the pairs {PAIRS} in order")
        for q in self.separating:
            for lang in LANGS:
                if q.question.get(lang).count(OR[lang]) != 1:
                    raise ValueError(
                        f"{self.id}: the {lang} question for levels {q.levels} must read "
                        f"'<higher>{OR[lang]}<lower>' once"
                    )
        return self

    def pair_question(self, a: int, b: int) -> Text:
        """The question separating adjacent levels ``a`` and ``b`` (either order)."""
        low, high = sorted((a, b))
        if high - low != 1 or not 0 <= low <= 3:
            raise ValueError(f"levels {a} and {b} are not adjacent")
        return self.separating[low].question

    def question_between(self, a: int, b: int) -> Text:
        """The question that tells levels ``a`` and ``b`` apart (either order). Adjacent: their
        pair's question. Further apart (1 and 3): the higher level's own step ("has it the
        level-3 thing, …") joined to the lower level's side of its own pair ("… or is it still
        only discussed?"), so each half describes one of the two levels on offer and neither
        presumes a third (level 2's "or is it partial?" would)."""
        low, high = sorted((a, b))
        if low == high:
            raise ValueError(f"levels {a} and {b} are the same")
        if high - low == 1:
            return self.pair_question(low, high)
        upper = self.pair_question(high - 1, high)
        lower = self.pair_question(low, low + 1)
        return Text(
            **{lang: OR[lang].join((upper_side(upper.get(lang), lang), lower_side(lower.get(lang), lang)))
               for lang in LANGS}
        )  # fmt: skip


class Stage(Strict):
    id: StageId
    name: Text
    fits: Text
    approach: list[Text] = Field(min_length=1)
    provenance: Provenance = "printed"


class CityCharacter(Strict):
    id: CityType
    name: Text
    directions: list[Text] = Field(min_length=1)
    provenance: Provenance = "reading"


class ScaleUp(Strict):
    id: ScaleUpId
    name: Text
    summary: Text
    description: Text
    provenance: Provenance = "printed"


class CooperationType(Strict):
    id: str
    name: Text


class CooperationLine(Strict):
    """One printed line of JICA's cooperation menu.

    ``elements`` is the project's reading of which elements the line helps with; the scoring uses
    it to connect gaps to options. ``level_provenance`` says whether the level is printed or read
    from the layout.
    """

    id: str = Field(pattern=r"^(nat|city)-[a-z]+-[0-9]+$")
    level: CoopLevel
    type: str
    text: Text
    elements: list[str] = Field(min_length=1)
    level_provenance: Provenance = "reading"

    @field_validator("elements")
    @classmethod
    def _known_elements(cls, value: list[str]) -> list[str]:
        unknown = [e for e in value if e not in ELEMENT_IDS]
        if unknown:
            raise ValueError(f"unknown element ids {unknown}")
        return value


class Framework(Strict):
    """The whole assessment framework, loaded from `knowledge/framework/`."""

    title: Text
    rubric_note: Text
    domains: list[Domain]
    elements: list[Element]
    stages: list[Stage]
    city_types: list[CityCharacter]
    scale_up: list[ScaleUp]
    cooperation_types: list[CooperationType]
    cooperation: list[CooperationLine]
    assets: list[Text]

    @model_validator(mode="after")
    def _complete(self) -> Framework:
        def check(kind: str, got: list[str], want: tuple[str, ...]) -> None:
            if sorted(got) != sorted(want) or len(got) != len(set(got)):
                raise ValueError(f"{kind}: expected exactly {list(want)}, got {got}")

        check("domains", [d.id for d in self.domains], DOMAIN_IDS)
        check("elements", [e.id for e in self.elements], ELEMENT_IDS)
        check("stages", [s.id for s in self.stages], STAGE_IDS)
        check("city_types", [c.id for c in self.city_types], CITY_TYPES)
        check("scale_up", [s.id for s in self.scale_up], ("area", "sector"))
        ids = [c.id for c in self.cooperation]
        if len(ids) != len(set(ids)):
            raise ValueError("cooperation: duplicate ids")
        types = {t.id for t in self.cooperation_types}
        for line in self.cooperation:
            if line.type not in types:
                raise ValueError(f"cooperation {line.id}: unknown type {line.type!r}")
            if not line.id.startswith("nat-" if line.level == "national" else "city-"):
                raise ValueError(f"cooperation {line.id}: id prefix does not match level")
        covered = {e for line in self.cooperation for e in line.elements}
        missing = [e for e in ELEMENT_IDS if e not in covered]
        if missing:
            raise ValueError(f"cooperation: no line addresses elements {missing}")
        return self

    def element(self, element_id: str) -> Element:
        for e in self.elements:
            if e.id == element_id:
                return e
        raise KeyError(element_id)

    def domain_elements(self, domain_id: str) -> list[Element]:
        return [e for e in self.elements if e.domain == domain_id]

    def stage(self, stage_id: str) -> Stage:
        return next(s for s in self.stages if s.id == stage_id)

    def city_type(self, city_type: str) -> CityCharacter:
        return next(c for c in self.city_types if c.id == city_type)

    def cooperation_line(self, line_id: str) -> CooperationLine:
        return next(c for c in self.cooperation if c.id == line_id)

    def cooperation_type(self, type_id: str) -> CooperationType:
        return next(c for c in self.cooperation_types if c.id == type_id)


# --- The answers file (schema_version 1): a contract with users and other parts -------------


FocusItem = Annotated[str, Field(max_length=200)]
MAX_PROFILE_EXTRA_CHARS = 10_000


class CityProfile(BaseModel):
    """Who is being assessed. Unknown extra keys are kept so that newer files round-trip."""

    model_config = ConfigDict(extra="allow")

    name: str = Field(min_length=1, max_length=200)
    country: str = Field(default="", max_length=200)
    city_type: CityType | None  # null: not given ("not sure / choose later"); still required
    lead_actor: LeadActor | None = "municipal"  # None: not given; absent: municipal, as before
    population: int | None = Field(default=None, ge=0, le=100_000_000, strict=True)
    language: Lang = "en"
    focus_sectors: list[FocusItem] = Field(default_factory=list, max_length=20)
    focus_areas: list[FocusItem] = Field(default_factory=list, max_length=20)

    @model_validator(mode="after")
    def _small_extras(self) -> CityProfile:
        """Unknown keys round-trip, but within a size (they are stored with every session)."""
        size = len(json.dumps(self.model_extra or {}, ensure_ascii=False, default=str))
        if size > MAX_PROFILE_EXTRA_CHARS:
            raise ValueError(
                f"unknown keys hold {size} characters; the limit is {MAX_PROFILE_EXTRA_CHARS}"
            )
        return self


class Answer(BaseModel):
    """One element's answer: a level 0-4, or None for unknown, with the official's own words."""

    model_config = ConfigDict(extra="allow")

    level: int | None = Field(default=None, ge=0, le=4, strict=True)
    evidence: str = Field(default="", max_length=MAX_EVIDENCE)


class AnswersFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schema_version: Literal[1] = 1
    city: CityProfile
    answers: dict[str, Answer] = Field(default_factory=dict)

    @field_validator("answers")
    @classmethod
    def _known_elements(cls, value: dict[str, Answer]) -> dict[str, Answer]:
        for key in value:
            if key not in ELEMENT_IDS:
                raise ValueError(f"unknown element id {key!r} (expected E01 to E21)")
        return value

    def levels(self) -> dict[str, int | None]:
        """Every element id mapped to its level; missing elements count as unknown."""
        return {e: (self.answers[e].level if e in self.answers else None) for e in ELEMENT_IDS}
