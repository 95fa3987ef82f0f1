"""Knowledge sources by name: titles from the shipped documents' front matter, file names for
added documents, never a directory."""

from __future__ import annotations

from pathlib import Path

from assistant.knowledge.source_names import (
    guidance_titles,
    origin_name,
    shown_origin,
    source_name,
)

KNOWLEDGE = Path(__file__).resolve().parents[1] / "knowledge"


def test_shipped_documents_are_named_by_their_titles() -> None:
    titles = guidance_titles(KNOWLEDGE)
    assert titles["docs/en/support.md"] == "JICA's support: the cooperation menu for smart cities"
    assert source_name("docs/ja/brochure.md", "guidance", "", titles, "ja").startswith(
        "パンフレット"
    )
    assert origin_name("knowledge/docs/en/support.md", titles, "en").startswith("JICA's support")
    assert source_name("framework", "framework", "", titles, "en").startswith("JICA Smart City")
    assert "framework" not in origin_name("framework", titles, "ja")


def test_added_documents_by_file_name_only() -> None:
    path = "/srv/data/uploads/0a1b2c/flood pilot.pdf"
    assert source_name("added:x", "added", path, {}, "en") == "flood pilot.pdf"
    assert source_name("added:x", "added", "C:\\data\\uploads\\plan.md", {}, "en") == "plan.md"
    assert origin_name(path, {}, "en") == "flood pilot.pdf"


def test_a_stored_path_is_shown_as_its_file_name_and_names_are_left_alone() -> None:
    assert shown_origin("knowledge/docs/en/support.md") == "support.md"
    assert shown_origin("/srv/data/uploads/0a1b/plan.pdf") == "plan.pdf"
    assert shown_origin("City / municipal / district level") == "City / municipal / district level"
    assert shown_origin("JICA Smart City Approach (knowledge base)").startswith("JICA Smart")
