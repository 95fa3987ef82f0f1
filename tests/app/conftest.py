"""AppTest fixtures: one temporary data directory per test session (so the knowledge base and
its embedding model load once, in the app's background loader), downloads captured as bytes."""

from __future__ import annotations

import base64
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import hypothesis  # noqa: F401  (imported now, in the main thread: see data_dir)
import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
EXAMPLE = ROOT / "examples" / "regional-core.json"
TIMEOUT = 120  # the first run that needs the model waits for the background load


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once here, in the main thread: every module the app's background loader needs is
    imported before any loader thread starts (CPython 3.11 can crash when pytest's assertion
    rewriter parses a module while another thread compiles one)."""
    from assistant.settings import Settings
    from assistant.web.resources import _build

    path = tmp_path_factory.mktemp("app-data")
    _build(Settings(data_dir=path))
    return path


@pytest.fixture(autouse=True)
def app_env(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(data_dir))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")
    for var in ("ASSISTANT_LLM", "ASSISTANT_DATABASE_URL", "ASSISTANT_CHROMA_URL"):
        monkeypatch.delenv(var, raising=False)
    return data_dir


@pytest.fixture
def app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=TIMEOUT)


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, bytes]]:
    """File name (with extension) → the bytes a download button would send."""
    got: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def capture(self: Any, data: Any, mimetype: str, kind: Any, filename: str | None = None) -> str:
        if filename and isinstance(data, bytes):
            got[filename] = data
        return original(self, data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", capture)
    yield got


def example_bytes(**changes: Any) -> bytes:
    """The shipped example answers file, optionally with changed levels or city fields."""
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if key.startswith("E"):
            data["answers"][key] = value
        else:
            data["city"][key] = value
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def texts(elements: Any) -> list[str]:
    return [str(e.value) for e in elements]


def all_text(at: AppTest) -> str:
    """Everything Markdown-ish on the page, unescaped enough to search."""
    parts = texts(at.markdown) + texts(at.caption) + texts(at.title) + texts(at.header)
    parts += texts(at.subheader) + texts(at.info) + texts(at.success) + texts(at.error)
    parts += texts(at.warning)
    return "\n".join(parts).replace("\\", "")


SVG_URI = "data:image/svg+xml;base64,"
SVG_NS = "{http://www.w3.org/2000/svg}"


@dataclass
class SvgChart:
    """A chart as the browser gets it: the SVG (parsed, so it is well-formed XML) and its alt."""

    root: ET.Element
    alt: str

    def texts(self) -> list[str]:
        """Every <text> label, its lines joined by a space."""
        return [" ".join(x.strip() for x in e.itertext()) for e in self.root.iter(f"{SVG_NS}text")]

    def titles(self) -> list[str]:
        return [e.text or "" for e in self.root.iter(f"{SVG_NS}title")]

    def radar_values(self) -> dict[str, list[float]]:
        """Each series' values as drawn: a vertex's distance from the centre over the length of
        an axis (the scale's 4), read back from the picture."""
        axis = next(self.root.iter(f"{SVG_NS}line"))
        cx, cy, x2, y2 = (float(axis.get(k, "0")) for k in ("x1", "y1", "x2", "y2"))
        full = ((x2 - cx) ** 2 + (y2 - cy) ** 2) ** 0.5
        out = {}
        for poly in self.root.iter(f"{SVG_NS}polygon"):
            title = poly.find(f"{SVG_NS}title")
            if title is None:
                continue  # a ring of the scale
            points = [tuple(map(float, p.split(","))) for p in poly.get("points", "").split()]
            out[title.text or ""] = [
                round(4 * ((x - cx) ** 2 + (y - cy) ** 2) ** 0.5 / full, 2) for x, y in points
            ]
        return out


def svg_charts(block: Any) -> list[SvgChart]:
    """The SVG images drawn in ``block`` (an AppTest or one of its blocks), in order."""
    out = []
    for image in block.get("image"):
        for img in image.proto.imgs:
            assert img.url.startswith(SVG_URI), img.url[:40]
            out.append(SvgChart(ET.fromstring(base64.b64decode(img.url[len(SVG_URI) :])), img.alt))
    return out
