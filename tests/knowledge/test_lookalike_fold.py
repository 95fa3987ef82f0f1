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


def test_answer_eval_folds_both_sides_alike() -> None:
    """The brochure's variant characters (⾒, ⺠), its no-break space in "Quick Win" and its PDF
    spacing beside Japanese script (「中小 SDGs実証事業」) match the answer's normal text, and the
    other way round; a space between English words still counts."""
    import importlib.util
    import sys
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "evals" / "answer_eval.py"
    spec = importlib.util.spec_from_file_location("answer_eval_fold_under_test", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)

    def hit(key: str, text: str) -> bool:
        return mod.key_hit(mod.Item(id="x", question="q", answer_lang="ja", key=[key]), text)

    assert hit("中小 SDGs実証事業", "「資金協力／中小SDGs実証事業／インフラ支援」[1]。")
    assert hit("中小SDGs実証事業", "「中小 SDGs実証事業」[1]。")
    assert hit("小さな成功を重ね（Quick\u00a0Win）", "小さな成功を重ね（Quick Win）[1]。")
    assert hit("将来像を\u2f92据え", "将来像を見据え[1]。")
    assert hit("市\u2ea0参加", "市民参加[1]。")
    assert not hit("Quick Win", "QuickWin [1].")
    assert not hit("中小SDGs実証事業", "中小企業[1]。")


def test_the_shipped_knowledge_uses_normal_characters() -> None:
    """Answers quote the knowledge base: it holds 民 and 見, not the brochure's ⺠ and ⾒, and an
    ordinary space in "Quick Win", so users read the normal characters."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "knowledge"
    odd = re.compile("[\u2e80-\u2fdf\u00a0]")
    bad = [
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.suffix in (".md", ".yaml", ".yml", ".txt") and odd.search(p.read_text("utf-8"))
    ]
    assert not bad, bad
