"""Results charts and report files are built once per change of the answers, not per rerun."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from assistant.web import charts
from tests.app.conftest import EXAMPLE


def test_charts_are_rebuilt_only_when_the_answers_or_language_change(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[str] = []
    for name in ("radar", "element_bars"):
        real = getattr(charts, name)

        def counting(*args: object, _real: object = real, _name: str = name) -> object:
            built.append(_name)
            return _real(*args)  # type: ignore[operator]

        monkeypatch.setattr(charts, name, counting)
    at = app.run().switch_page("app_pages/results.py").run()
    at.file_uploader(key="results-upload").upload(
        "a.json", EXAMPLE.read_bytes(), "application/json"
    )
    at.run()
    assert not at.exception and sorted(built) == ["element_bars", "radar"]
    at.run()  # any rerun (a click elsewhere on the page): the same charts, not built again
    assert len(at.get("plotly_chart")) == 2 and len(built) == 2
    at.sidebar.segmented_control(key="lang").set_value("ja").run()
    assert not at.exception and len(built) == 4  # the other language: built again
