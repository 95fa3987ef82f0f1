"""``python -m assistant.web [streamlit options]``: the web app, warming up from server start.

``streamlit run app.py`` runs nothing until the first browser connects, so the knowledge base and
the embedding model would start loading only then, and the first visitor would also wait for the
pages' imports. This starts the background load in the server's own process first (the same
``st.cache_resource`` entries the pages use) and prepares what a first page view needs, then
hands over to ``streamlit run app.py`` with the options given.
"""

from __future__ import annotations

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

    settings = resources.current_settings()
    try:
        resources.framework(settings)
        resources.session_store(settings)
        resources.engine(settings)
    except Exception:  # the page shows the problem to the person, in their language
        pass
    loader = resources.knowledge(settings)  # the slow part, in its own thread; returns at once
    threading.Thread(target=_then_other_pages, args=(loader,), daemon=True).start()


def _then_other_pages(loader: Any) -> None:
    """Once the knowledge base is in, import what the other pages need (pandas for tables,
    the report modules), so the first switch to Results does not pay for it."""
    loader.wait()
    for name in ("pandas", "assistant.web.results_page", "assistant.web.workspace_page"):
        importlib.import_module(name)


def main(argv: list[str]) -> None:
    warm()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(APP), *argv]
    cli.main()


if __name__ == "__main__":
    main(sys.argv[1:])
