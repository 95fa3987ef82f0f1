"""The web app reads its settings once per environment, and again whenever it changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.web.resources import current_settings


def test_settings_are_read_again_when_the_environment_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = current_settings()
    assert current_settings() is first  # the same environment: not parsed again
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "other"))
    other = current_settings()
    assert other is not first and other.data_dir == tmp_path / "other"
    monkeypatch.setenv("assistant_llm_timeout", "7")  # names are not case-sensitive
    assert current_settings().llm_timeout == 7
    monkeypatch.delenv("assistant_llm_timeout")
    assert current_settings() is other
