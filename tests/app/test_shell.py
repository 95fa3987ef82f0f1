"""The shell: both languages, safe configuration, and no raw HTML anywhere in the web code."""

from __future__ import annotations

import tomllib

from streamlit.testing.v1 import AppTest

from assistant.catalogue import catalogue, placeholders
from assistant.settings import Settings
from assistant.web.text import inert
from tests.app.conftest import ROOT, texts

WEB_FILES = [ROOT / "app.py", *sorted((ROOT / "app_pages").glob("*.py"))]
WEB_FILES += sorted((ROOT / "assistant" / "web").glob("*.py"))


def test_english_by_default_and_japanese_from_the_url(app: AppTest) -> None:
    at = app.run()
    assert not at.exception
    assert texts(at.title) == ["Smart-city self-assessment"]
    ja = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    ja.query_params["lang"] = "ja"
    ja.run()
    assert texts(ja.title) == ["スマートシティ自己評価"]
    assert "都市について" in texts(ja.subheader)


def test_every_ui_string_exists_in_both_languages() -> None:
    shown = {k: v for k, v in catalogue().messages.items() if k.startswith(("ui.", "terms."))}
    assert shown
    for key, text in shown.items():
        assert text["en"].strip() and text["ja"].strip(), key
        assert text["en"].count("{") == text["ja"].count("{"), key
        assert placeholders(text["en"]) == placeholders(text["ja"]), key


def test_config_turns_off_stats_limits_uploads_and_protects_forms() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["maxUploadSize"] * 1024 * 1024 == Settings().max_upload_bytes


def test_no_raw_html_in_the_web_code() -> None:
    for path in WEB_FILES:
        source = path.read_text(encoding="utf-8")
        assert "unsafe_allow_html" not in source, path
        assert "st.html" not in source and "components.html" not in source, path


def test_inert_text_keeps_markdown_and_math_literal() -> None:
    # the word joiners (U+2060) keep a bare URL from being auto-linked after unescaping
    assert inert("[x](http://e) **b** $a$ <i>") == (
        "\\[x\\]\\(http\u2060\\:/\u2060/e\\) \\*\\*b\\*\\* \\$a\\$ \\<i\\>"
    )
