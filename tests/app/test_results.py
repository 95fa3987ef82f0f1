"""Results from an uploaded answers file: the profile, evidence, cooperation sources, downloads."""

from __future__ import annotations

import json
from typing import Any

from streamlit.testing.v1 import AppTest

from assistant.answers_io import parse_answers
from assistant.web.results_page import EVIDENCE, TABS
from tests.app.conftest import (
    APP,
    EXAMPLE,
    SVG_NS,
    TIMEOUT,
    all_text,
    example_bytes,
    svg_charts,
    texts,
)

# The example's domain scores (Policy … Operation) and element levels, as the charts must show them
RIVERSIDE = [1.17, 1.2, 1.33, 1.33, 1.0]
SVG_TAGS = {"svg", "polygon", "line", "text", "tspan", "title", "rect"}  # all the charts draw


def evidence(at: AppTest) -> Any:
    """The per-element evidence table (a static table: its cells are escaped Markdown), its fold
    opened first (the table is drawn only once opened)."""
    assert not [tb for tb in at.table if "Evidence given" in tb.value.columns]
    at.session_state[EVIDENCE] = True
    at.run()
    return next(tb.value for tb in at.table if "Evidence given" in tb.value.columns)


def open_results(app: AppTest) -> AppTest:
    app.run()
    return app.switch_page("app_pages/results.py").run()


def upload(app: AppTest, name: str, data: bytes) -> AppTest:
    app.file_uploader(key="results-upload").upload(name, data, "application/json")
    return app.run()


def open_tab(at: AppTest, label: str) -> AppTest:
    """Click a tab of the details (only the open one is drawn)."""
    at.session_state[TABS] = label
    return at.run()


def test_empty_results_invite_an_upload(app: AppTest) -> None:
    at = open_results(app)
    assert not at.exception
    assert "complete the interview, or load an answers file" in all_text(at)
    assert not at.get("download_button")


def test_uploaded_file_shows_stage_charts_evidence_and_cooperation(app: AppTest) -> None:
    at = upload(open_results(app), "riverside.json", EXAMPLE.read_bytes())
    assert not at.exception
    # "answered" as on the Interview page: E17's "don't know" is an answer (20 known levels)
    assert texts(at.metric) == ["Small Start", "1.21 / 4", "21 / 21"]
    assert "21 of 21 elements answered: 20 with a level, 1 “don't know”." in "\n".join(
        texts(at.caption)
    )  # the report, the brief and `assistant sessions` say the same
    radar, bars = svg_charts(at)  # radar + the 21 elements, as SVG images (no chart script)
    assert radar.radar_values().keys() == {"Riverside"}
    assert all(
        abs(a - b) < 0.02 for a, b in zip(radar.radar_values()["Riverside"], RIVERSIDE, strict=True)
    )
    labels = " ".join(radar.texts())
    assert all(d in labels for d in ("Policy", "Organization", "Institutional system", "Operation"))
    assert radar.alt.startswith("Domain scores on a 0–4 scale") and "Policy 1.17" in radar.alt
    assert len([x for x in bars.texts() if x[:1] == "E"]) == 21  # every element labelled
    assert [x for x in bars.texts() if x.startswith("E05 ")] == ["E05 Sustainability of vision a…"]
    levels = dict(title.split(": ") for title in bars.titles())
    assert (
        levels["E05"] == "0" and levels["E01"] == "2" and "E17" not in levels and len(levels) == 20
    )
    assert "unknown" in bars.texts() and "E17 unknown" in bars.alt and "E05 0" in bars.alt
    table = evidence(at)
    assert len(table) == 21
    e05 = table[table["ID"] == "E05"].iloc[0]
    assert (
        e05["Level"] == "0" and e05["Evidence given"] == "Nobody has looked at a business case\\."
    )
    assert table[table["ID"] == "E17"].iloc[0]["Level"] == "unknown — to clarify"
    text = all_text(at)
    # reasons in words, the unknown flagged to clarify, relevance as words (issue 13)
    assert "What would raise it" in text and "Cooperation that addresses it" in text
    assert "to clarify" in "\n".join(texts(at.warning))
    assert "Triggered by:" not in text  # the Cooperation tab is drawn only once opened
    at = open_tab(at, "Cooperation")
    assert not at.exception
    text = all_text(at)
    assert "strong match" in text and "relevance 1" not in text
    for token in ("small_start", "regional_core", "(municipal)", "nat-", "cooperation:"):
        assert token not in text
    assert "National level" in text and "City / municipal / district level" in text
    assert "Triggered by: E05" in text or "Triggered by:" in text
    # every cooperation option cites its brochure menu line, openable in place
    sources = [e for e in at.expander if e.label.startswith("Sources (")]
    assert sources
    first = "\n".join(texts(sources[0].markdown)).replace("\\", "")
    assert first.startswith("**[1] JICA cooperation at")


def test_downloads_are_importable_json_and_reports_in_the_chosen_language(
    app: AppTest, downloads: dict[str, bytes]
) -> None:
    at = upload(open_results(app), "riverside.json", EXAMPLE.read_bytes())
    assert not at.exception
    assert {"riverside-answers.json", "riverside-report-en.md", "riverside-report-en.html"} <= set(
        downloads
    )
    again = parse_answers(downloads["riverside-answers.json"].decode("utf-8"))
    assert again == parse_answers(EXAMPLE.read_text(encoding="utf-8"))
    md = downloads["riverside-report-en.md"].decode("utf-8")
    assert md.startswith("# Smart-city self-assessment: Riverside")
    html = downloads["riverside-report-en.html"].decode("utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html and "<script" not in html

    downloads.clear()
    at.query_params["lang"] = "ja"
    at.session_state["lang"] = "ja"
    at.run()
    assert not at.exception
    assert texts(at.metric)[0] == "スモールスタート" or "評価結果" in texts(at.title)
    md_ja = downloads["riverside-report-ja.md"].decode("utf-8")
    assert md_ja.startswith("# スマートシティ自己評価: Riverside")


def test_download_names_keep_the_city_in_any_script_and_stay_safe(
    downloads: dict[str, bytes],
) -> None:
    """名古屋市 and 大阪市 never share "assessment-report-ja.pdf"; a hostile name cannot carry a
    path, a dot-dot, a quote or a control or bidi character into a file name."""
    from assistant.web.text import slug

    names = set()
    for city in ("名古屋市", "大阪市"):
        fresh = AppTest.from_file(APP, default_timeout=TIMEOUT)  # one browser tab per city
        at = upload(open_results(fresh), "city.json", example_bytes(name=city))
        assert not at.exception
        names |= {n for n in downloads if n.endswith(".md")}
        downloads.clear()
    assert names == {"名古屋市-report-en.md", "大阪市-report-en.md"}
    assert slug("Harbor <b>City</b> [x](http://evil.example/)") == (
        "harbor-b-city-b-x-http-evil-example"
    )
    assert slug("../../etc/passwd\u202e\x00fdp.exe") == "etc-passwd-fdp-exe"
    assert slug("Ōsaka\u3000Ｃｉｔｙ") == "ōsaka-city" and slug("नई दिल्ली") == "नई-दिल्ली"
    assert slug("«»!?") == "assessment"


def test_malformed_file_is_refused_with_one_line(app: AppTest) -> None:
    at = upload(open_results(app), "broken.json", b'{"schema_version": 1, "city": ')
    errors = [e.replace("\\", "") for e in texts(at.error)]  # shown escaped (inert Markdown)
    assert len(errors) == 1 and errors[0].startswith("broken.json: malformed JSON at line 1")
    bad_level = example_bytes(E01={"level": 7, "evidence": ""})
    app.file_uploader(key="results-upload").set_value(("bad.json", bad_level, "application/json"))
    at = app.run()
    assert "answers.E01.level" in texts(at.error)[0].replace("\\", "")
    assert not at.get("download_button")


def test_user_text_is_shown_inert(app: AppTest) -> None:
    data = example_bytes(
        name="[click](http://evil.example) <b>x</b> $x$",
        E01={"level": 2, "evidence": "<img src=x onerror=alert(1)> **bold**"},
    )
    at = upload(open_results(app), "evil.json", data)
    assert not at.exception
    header = texts(at.header)[0]
    assert header.startswith("\\[click\\]\\(http") and "\\<b\\>" in header and "\\$x\\$" in header
    # the chart names the city as text: the SVG parses, draws only the chart's own shapes, and
    # its title holds the name as written (no markup the name could add)
    radar = svg_charts(at)[0]
    assert {e.tag.removeprefix(SVG_NS) for e in radar.root.iter()} <= SVG_TAGS
    assert radar.titles() == ["[click](http://evil.example) <b>x</b> $x$"]
    cell = evidence(at).set_index("ID").loc["E01", "Evidence given"]
    assert cell.startswith("\\<img src=x onerror=alert\\(1\\)\\> \\*\\*bold")
    assert json.loads(data)["answers"]["E01"]["level"] == 2


def outside_folds(block: Any) -> list[Any]:
    """Every element on the page that is not inside an expander or a tab (what a phone shows
    before anything is opened)."""
    out = []
    for child in getattr(block, "children", {}).values():
        if getattr(child, "type", "") in ("expander", "tab"):
            continue
        out.append(child)
        out += outside_folds(child)
    return out


def test_long_parts_are_folded_and_the_summary_comes_first(app: AppTest) -> None:
    """Issue: Results was ~10,000–18,000 px tall on a phone. The stage, approach, profile and
    priorities stay open; each element's evidence, each option's sources and the explanation
    are in tabs or expanders."""
    at = upload(open_results(app), "riverside.json", EXAMPLE.read_bytes())
    assert not at.exception
    shown = outside_folds(at.main)
    shown_text = "\n".join(str(getattr(e, "value", "")) for e in shown).replace("\\", "")
    # open: stage, approach, the radar, the priorities' names, next steps, downloads
    assert "Small Start" in shown_text and "The approach for this stage" in shown_text
    assert "Way to scale up:" in shown_text and "Next steps" in shown_text
    assert [e for e in shown if e.type == "image"] == [at.get("image")[0]]  # the radar
    assert sum(e.type == "download_button" for e in shown) == 4
    priorities = [e for e in at.expander if e.label.startswith("E05 Sustainability")]
    assert len(priorities) == 1 and "What would raise it" in "\n".join(
        texts(priorities[0].markdown)
    )
    # folded: every element's evidence, the reasons, the cooperation sources, the explanation
    assert "What would raise it" not in shown_text and "Triggered by" not in shown_text
    assert not [e for e in shown if e.type == "table"]
    assert "Nobody has looked at a business case" not in shown_text
    elements, cooperation, why = at.tabs
    assert [tab.label for tab in at.tabs] == ["21 elements", "Cooperation", "Why"]
    assert [c.alt.split(":")[0] for c in svg_charts(elements)] == ["The 21 elements by level"]
    evidence_fold = next(e for e in elements.expander if e.label.startswith("Every element"))
    assert not evidence_fold.table  # drawn once opened
    assert len(evidence(at)) == 21
    evidence_fold = next(e for e in at.tabs[0].expander if e.label.startswith("Every element"))
    assert len(evidence_fold.table) == 1 and len(evidence_fold.table[0].value) == 21
    assert not cooperation.children and not why.children  # drawn when opened, one at a time
    cooperation = open_tab(at, "Cooperation").tabs[1]
    assert [e for e in cooperation.expander if e.label.startswith("Sources (")]
    assert "Triggered by" in "\n".join(texts(cooperation.caption)).replace("\\", "")
    assert not at.tabs[0].children
    why = open_tab(at, "Why").tabs[2]
    assert why.markdown or why.table


def test_cooperation_sources_are_named_never_a_path(app: AppTest) -> None:
    at = open_tab(upload(open_results(app), "riverside.json", EXAMPLE.read_bytes()), "Cooperation")
    sources = [e for e in at.expander if e.label.startswith("Sources (")]
    origins = [c for s in sources for c in texts(s.caption)]
    assert origins
    for origin in origins:
        plain = origin.replace("\\", "")
        assert ".md" not in plain and "docs/" not in plain and "knowledge/" not in plain, plain
    assert any(o.replace("\\", "").startswith("JICA's support") for o in origins)


def _partial_bytes(language: str) -> bytes:
    """An interview stopped after E08: seven levels and a "don't know" (E04), E09-E21 not yet
    asked (the QA pass's partial interview)."""
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["answers"] = {f"E{i:02d}": {"level": 1, "evidence": f"said for E{i:02d}"} for i in range(1, 9)}
    data["answers"]["E04"] = {"level": None, "evidence": "I don't know"}
    data["city"]["language"] = language
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def test_partial_interview_counts_once_and_lists_the_unasked_apart(app: AppTest) -> None:
    from assistant.framework import get_framework

    at = upload(open_results(app), "partial.json", _partial_bytes("en"))
    assert not at.exception
    assert texts(at.metric) == ["Not yet judged", "–", "8 / 21"]  # the Interview page's count
    assert at.metric[0].delta == "too few answers"  # short value, reason under it: no cut-off
    captions = "\n".join(texts(at.caption))
    assert (
        "8 of 21 elements answered: 7 with a level, 1 “don't know”; 13 not yet answered." in captions
    )
    text = all_text(at)
    assert "The approach for this stage" not in text  # no stage judged, no stage's approach
    for line in get_framework().stage("small_start").approach:
        assert line.get("en") not in text
    assert "shown once the stage is judged" in captions
    warnings = "\n".join(texts(at.warning))
    assert "E04" in warnings and "E09" not in warnings  # only the "don't know" is to clarify
    assert "Not yet answered (13)" in texts(at.subheader)
    _radar, bars = svg_charts(at)  # the chart tells the two apart as well
    assert "E04 unknown" in bars.alt and "E09 not yet answered" in bars.alt
    assert bars.texts().count("not yet answered") == 13 and bars.texts().count("unknown") == 1
    assert "E09 Organisational effectiveness and capability" in text.replace("\\", "")
    table = evidence(at)
    assert table[table["ID"] == "E09"].iloc[0]["Level"] == "not yet answered"
    assert table[table["ID"] == "E04"].iloc[0]["Level"] == "unknown — to clarify"


def test_partial_interview_japanese(app: AppTest) -> None:
    app.session_state["lang"] = "ja"
    at = upload(open_results(app), "partial.json", _partial_bytes("ja"))
    assert not at.exception
    assert texts(at.metric)[0] == "未判定" and texts(at.metric)[2] == "8 / 21"
    assert at.metric[0].delta == "回答不足"
    assert "未回答（13件）" in texts(at.subheader)
    assert "この段階のアプローチ" not in all_text(at)
    warnings = "\n".join(texts(at.warning))
    assert "E04" in warnings and "E09" not in warnings
