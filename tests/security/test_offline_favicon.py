"""The favicon ships with the app: a ``:material/...:`` or emoji page icon makes the browser
fetch an image from a CDN, and the product claims to work offline."""

from __future__ import annotations

import ast
import inspect

from assistant.web import layout


def test_the_page_icon_is_a_shipped_file() -> None:
    tree = ast.parse(inspect.getsource(layout))
    icons = [
        kw.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "set_page_config"
        for kw in node.keywords
        if kw.arg == "page_icon"
    ]
    assert len(icons) == 1 and not isinstance(icons[0], ast.Constant)
    assert layout.FAVICON.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
