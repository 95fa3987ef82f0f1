"""Key facts written with standard kanji must find the brochure's printed radical look-alikes."""

from assistant.knowledge.lexical import fold


def test_fold_maps_printed_radicals_to_standard_kanji() -> None:
    assert fold("市\u2ea0の参加") == fold("市民の参加")
    assert fold("成\u2ed1") == "成長"
    assert "市民" in fold("多様な市\u2ea0のニーズ")


def test_fold_keeps_english_case_insensitive_and_other_text() -> None:
    assert fold("Citizen 「組織」") == "citizen 「組織」"
    assert fold("市民") != fold("市場")


def test_answer_eval_key_hit_finds_standard_kanji_in_printed_quote() -> None:
    import importlib.util
    import sys
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "evals" / "answer_eval.py"
    spec = importlib.util.spec_from_file_location("answer_eval_under_test", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up here
    spec.loader.exec_module(mod)
    ja = mod.Item(id="x", question="q", answer_lang="ja", key=["市民|citizen"])
    assert mod.key_hit(ja, "多様な市\u2ea0のニーズ[1]。")
    assert not mod.key_hit(ja, "多様な市場のニーズ[1]。")
    en = mod.Item(id="y", question="q", answer_lang="en", key=["市\u2ea0"])
    assert mod.key_hit(en, "residents (printed: 「市民」) [1].")
