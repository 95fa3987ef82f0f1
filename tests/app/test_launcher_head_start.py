"""``python -m assistant.web`` pays the first page view's one-off costs before any visitor; the
head start must keep working, since it swallows its own errors so as never to stop the server."""

from __future__ import annotations

from streamlit import delta_generator

from assistant.web import __main__ as launcher
from tests.app.conftest import EXAMPLE


def test_the_head_start_runs_without_errors() -> None:
    launcher._first_run_once()
    assert delta_generator._use_warning_has_been_displayed is True
    launcher._draw_results(EXAMPLE)  # raises if the example's charts or report break
