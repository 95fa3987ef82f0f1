"""A city type or lead actor left "not sure" on the intake: scored without guessing one."""

from __future__ import annotations

import json

import pytest

from assistant.answers_io import parse_answers
from assistant.models import Framework
from assistant.report.document import report_markdown
from assistant.scoring import assess
from tests.conftest import make_answers
from tests.report.test_reports import WHEN


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_no_city_type_no_direction_both_ways_open(fw: Framework, lang: str) -> None:
    a = make_answers(2, city_type=None, lead_actor=None, language=lang)  # type: ignore[arg-type]
    result = assess(fw, a)
    assert result.approach.direction == []
    assert result.approach.scale_up == "combined"
    assert ("not given" if lang == "en" else "未選択") in result.approach.scale_up_because
    assert not any("lead" in m.why.lower() or "実施主体" in m.why for m in result.cooperation)
    md = report_markdown(fw, a, result, WHEN)
    given = {"en": ("City type not given", "Lead actor: not given"), "ja": ("都市タイプ未選択", "未選択")}
    assert all(x in md for x in given[lang])
    assert ("direction for the city's character follows" if lang == "en" else "方向性はまだ示せない") in md


def test_a_null_city_type_reads_as_not_given_a_missing_or_unknown_one_is_refused() -> None:
    data: dict = {"schema_version": 1, "city": {"name": "X"}, "answers": {}}
    with pytest.raises(Exception, match="city_type"):  # still required, as before
        parse_answers(json.dumps(data))
    data["city"]["city_type"] = None
    a = parse_answers(json.dumps(data))
    assert a.city.city_type is None and a.city.lead_actor == "municipal"  # absent: as before
    data["city"]["city_type"] = "megacity"
    with pytest.raises(Exception, match="unknown city type"):
        parse_answers(json.dumps(data))
