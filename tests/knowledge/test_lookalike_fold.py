"""Text written with standard kanji must find the brochure's printed radical look-alikes: in the
lexical index (a question's 市民 finds 市⺠) and in the answer eval's key facts."""

from assistant.knowledge.lexical import bigram_tokenize, normalize


def test_fold_maps_printed_radicals_to_standard_kanji() -> None:
    assert normalize("市\u2ea0の参加") == normalize("市民の参加")
    assert normalize("成\u2ed1") == "成長"
    assert "市民" in normalize("多様な市\u2ea0のニーズ")


def test_fold_keeps_english_case_insensitive_and_other_text() -> None:
    assert normalize("Citizen 「組織」") == "citizen 「組織」"
    assert normalize("市民") != normalize("市場")


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


def test_lexical_tokens_of_standard_and_printed_kanji_are_the_same() -> None:
    assert bigram_tokenize("市民参加") == bigram_tokenize("市\u2ea0参加")
