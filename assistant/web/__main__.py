"""``python -m assistant.web [streamlit options]``: the web app, warming up from server start.

``streamlit run app.py`` runs nothing until the first browser connects, so the knowledge base and
the embedding model would start loading only then, and the first visitor would also wait for the
pages' imports. This starts the background load in the server's own process first (the same
``st.cache_resource`` entries the pages use) and prepares what a first page view needs, then
hands over to ``streamlit run app.py`` with the options given.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
import threading
from pathlib import Path
from typing import Any

APP = Path(__file__).resolve().parents[2] / "app.py"


def warm() -> None:
    """Do what the first page view would do first (import the pages, open the framework, the
    session store and the engine: cheap, none needs the model), then start the knowledge base
    loading in its own thread, and after it the other pages' imports."""
    from assistant.web import ask_page, interview_page, layout, resources  # noqa: F401

    _first_run_once()
    resources.settle()  # the pages' modules: out of the collection after every script run
    settings = resources.current_settings()
    try:
        resources.framework(settings)
        resources.session_store(settings)
        resources.engine(settings)
    except Exception:  # the page shows the problem to the person, in their language
        pass
    loader = resources.knowledge(settings)  # the slow part, in its own thread; returns at once
    threading.Thread(target=_then_other_pages, args=(loader,), daemon=True).start()


def _first_run_once() -> None:
    """What Streamlit does once per process on the first page view, done before any visitor:
    the first run of a page took 1.0–1.2 s, 0.9 s of it these (profiled):

    - the message catalogue (every page's first words);
    - the emoji table and its regular expression (a segmented control's labels);
    - Pillow's image plugins (the favicon);
    - a check whether Streamlit runs in a REPL, which walks the stack and every loaded module's
      file (``inspect.stack``, 0.4 s with Chroma and LangChain loaded): it only decides whether
      to print a warning for ``python app.py``, and this is ``streamlit run``.
    """
    from PIL import Image
    from streamlit import delta_generator

    from assistant.catalogue import t
    from assistant.web.layout import FAVICON

    t("ui.language", "en")  # the catalogue read and checked (~0.1 s)
    importlib.import_module("streamlit.emojis")
    with Image.open(FAVICON) as icon:
        icon.load()
    if hasattr(delta_generator, "_use_warning_has_been_displayed"):
        delta_generator._use_warning_has_been_displayed = True


def _then_other_pages(loader: Any) -> None:
    """Once the knowledge base is in, import what the other pages need (pandas for tables,
    the Ask page's answer composer, the report modules) and draw an example's charts and report
    once (the report templates load their parts on first use), so the first switch to Results
    does not pay."""
    loader.wait()
    pages = ("assistant.web.results_page", "assistant.web.workspace_page")
    for name in ("pandas", "assistant.knowledge.answer", *pages):
        importlib.import_module(name)
    example = APP.parent / "examples" / "regional-core.json"
    if example.exists():
        with contextlib.suppress(Exception):  # only a head start: the page reports problems
            _draw_results(example)
    from assistant.web.resources import settle

    settle()


def _draw_results(example: Path) -> None:
    """An example's charts and report, drawn and dropped (the report templates load their parts
    on first use)."""
    from assistant.answers_io import read_answers
    from assistant.scoring import assess
    from assistant.web import charts, resources, results_page

    fw = resources.framework(resources.current_settings())
    answers = read_answers(example)
    result = assess(fw, answers, "en")
    charts.radar(fw, [(answers.city.name, result)], "en")
    charts.element_bars(fw, result, "en")
    results_page.report_files(fw, answers, result, "en")


SWITCH_INTERVAL = 0.001  # seconds; Python's default is 0.005


def main(argv: list[str]) -> None:
    # The server's event loop waits for the interpreter lock while the knowledge base loads in
    # its thread; a shorter switch interval hands it over sooner. Form painted after health,
    # 8 alternating pairs on a busy 2-core machine: 1.72 s mean instead of 1.91 s.
    sys.setswitchinterval(SWITCH_INTERVAL)
    warm()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(APP), *argv]
    cli.main()


if __name__ == "__main__":
    main(sys.argv[1:])
