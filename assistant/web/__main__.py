"""``python -m assistant.web [streamlit options]``: the web app, warming up from server start.

``streamlit run app.py`` runs nothing until the first browser connects, so the knowledge base and
the embedding model would start loading only then. This starts their background load in the
server's own process first (the same ``st.cache_resource`` entry the pages use), then hands over
to ``streamlit run app.py`` with the options given.
"""

from __future__ import annotations

import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app.py"


def main(argv: list[str]) -> None:
    from assistant.web import resources

    resources.knowledge(resources.current_settings())  # starts the load; returns at once
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(APP), *argv]
    cli.main()


if __name__ == "__main__":
    main(sys.argv[1:])
