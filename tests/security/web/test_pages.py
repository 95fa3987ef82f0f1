"""The payloads through the web pages (AppTest): nothing the user typed renders as markup.

Every Markdown-rendered element's source must parse (CommonMark + GFM linkify) with no image,
link, HTML or heading, and the charts' SVG holds the names as text (well-formed, no markup).
"""

from __future__ import annotations

import json
import re

from streamlit.testing.v1 import AppTest

from assistant.answers_io import parse_answers
from assistant.report.charts import NOT_XML
from assistant.sessions import make_session_store
from assistant.settings import Settings
from tests.app.conftest import EXAMPLE, SVG_NS, example_bytes, svg_charts
from tests.security.payloads import PAYLOADS
from tests.security.test_markup import MD, no_bare_links

SHORT = {k: v for k, v in PAYLOADS.items() if k != "long"}


def rendered(at: AppTest) -> list[str]:
    """The Markdown source of every element Streamlit renders as Markdown."""
    out: list[str] = []
    for kind in ("markdown", "caption", "header", "subheader", "title", "error", "success"):
        out += [str(e.value) for e in getattr(at, kind)]
    out += [str(e.value) for e in at.warning] + [str(e.value) for e in at.info]
    return out


def assert_inert(at: AppTest) -> None:
    """No element renders a payload as markup (the app's own headings are allowed)."""
    assert not at.exception
    for source in rendered(at):
        html = MD.render(source)
        assert not re.search(r"<(a|img|iframe|script|b)\b", html), source
        headings = re.findall(r"<h\d>(.*?)</h\d>", html)
        assert not [h for h in headings if re.search(r"(?i)heading|evil|alert|click", h)], source
        assert no_bare_links(html), source


def open_workspace(app: AppTest) -> AppTest:
    app.run()
    return app.switch_page("app_pages/workspace.py").run()


def test_answers_file_errors_naming_city_type_stay_text(app: AppTest) -> None:
    at = open_workspace(app)
    files = [
        (f"{kind}.json", example_bytes(city_type=payload), "application/json")
        for kind, payload in SHORT.items()
    ]
    at.file_uploader(key="ws-upload").set_value(files)
    at.run()
    assert len(at.error) == len(SHORT)  # one clear error per file
    assert_inert(at)


def test_hostile_file_names_stay_text(app: AppTest) -> None:
    at = open_workspace(app)
    # a browser sends a file's base name: no "/" and no control characters
    names = [re.sub(r"[/\x00-\x1f]", "", p)[:80] for p in SHORT.values()]
    files = [(f"{n}.json", b"[" * (i + 1), "application/json") for i, n in enumerate(names)]
    at.file_uploader(key="ws-upload").set_value(files)
    at.run()
    assert len(at.error) == len(SHORT)
    assert_inert(at)


def test_added_by_code_message_and_chart_names_stay_text(app: AppTest) -> None:
    store = make_session_store(Settings())
    at = open_workspace(app)
    for payload in SHORT.values():
        data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        data["city"]["name"] = payload[:200]
        code = store.import_answers(parse_answers(json.dumps(data)))
        at.text_input(key="ws-code").set_value(code)
        next(b for b in at.button if b.label == "Add").click().run()
        assert at.success, payload
        assert_inert(at)
    (chart,) = svg_charts(at.tabs[0])  # the comparison's radar: parses as XML (else it raises)
    drawn = {e.tag.removeprefix(SVG_NS) for e in chart.root.iter()}
    assert drawn <= {"svg", "polygon", "line", "text", "tspan", "title", "rect"}, drawn
    attrs = {a for e in chart.root.iter() for a in e.attrib}
    assert not [a for a in attrs if a.lower().startswith("on") or "href" in a.lower()], attrs
    names = [at.selectbox(key=k).value for k in ("cmp-a", "cmp-b")]
    assert chart.titles() == [NOT_XML.sub("", str(n)) for n in names]  # the names, as text


def test_documents_need_the_facilitator_passphrase(app: AppTest, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    at = open_workspace(app)
    assert not offers_upload(at)
    assert "ASSISTANT_FACILITATOR_PASSPHRASE" in "\n".join(str(c.value) for c in at.caption)
    monkeypatch.setenv("ASSISTANT_FACILITATOR_PASSPHRASE", "river sensors")
    at = open_workspace(AppTest.from_file(app._script_path, default_timeout=120))
    at.text_input(key="docs-pass").input("wrong")
    next(b for b in at.button if b.label == "Unlock").click().run()
    assert "That passphrase is not right." in [str(e.value) for e in at.error]
    at.text_input(key="docs-pass").input("river sensors")
    next(b for b in at.button if b.label == "Unlock").click().run()
    assert offers_upload(at)


def offers_upload(at: AppTest) -> bool:
    try:
        at.file_uploader(key="docs-upload")
    except KeyError:
        return False
    return True
