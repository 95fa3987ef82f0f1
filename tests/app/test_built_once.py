"""Results charts and report files are built once per change of the answers, not per rerun."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from assistant.web import charts
from tests.app.conftest import EXAMPLE, svg_charts


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
    radar, bars = svg_charts(at)
    assert len(built) == 2 and "Policy" in " ".join(radar.texts())
    at.sidebar.segmented_control(key="lang").set_value("ja").run()
    assert not at.exception and len(built) == 4  # the other language: built again
    radar, bars = svg_charts(at)  # ...and drawn in it
    assert "政策" in radar.texts() and "Policy" not in " ".join(radar.texts())
    assert (
        "E05 ビジョン・政策の持続性" in bars.texts() and "不明" in bars.texts()
    )  # fits 31 columns
    assert bars.alt.startswith("21エレメントのレベル：") and "E17 不明" in bars.alt
