from assistant.knowledge.lexical import BM25Index, bigram_tokenize, normalize


def test_japanese_runs_become_overlapping_bigrams():
    assert bigram_tokenize("市民参加") == ["市民", "民参", "参加"]


def test_latin_words_are_lowercased_stemmed_and_stop_words_dropped():
    assert bigram_tokenize("The Cities and their Platforms") == ["city", "platform"]


def test_nfkc_normalises_full_width_and_mixed_text():
    assert normalize("ＴＯＲ作成") == "tor作成"
    assert bigram_tokenize("ＴＯＲ作成の支援") == ["tor", "作成", "成の", "の支", "支援"]


def test_single_kanji_is_kept_and_punctuation_splits_runs():
    assert bigram_tokenize("市。都市") == ["市", "都市"]


def test_bm25_scores_japanese_and_english_and_respects_mask():
    import numpy as np

    index = BM25Index(
        ["a", "b", "c"], ["市民参加の仕組み", "データ基盤の調達", "procurement of a data platform"]
    )
    assert index.search("市民参加", 3)[0][0] == "a"
    assert index.search("データプラットフォームの調達", 3)[0][0] == "b"
    assert index.search("platform procurement", 3)[0][0] == "c"
    assert index.search("市民参加", 3, mask=np.array([False, True, True])) == []
    assert index.overlap("zzz qqq") == 0.0


def test_a_plural_and_its_singular_stem_alike():
    from assistant.knowledge.lexical import stem

    assert stem("testbeds") == stem("testbed")
    assert stem("needs") == stem("need") == "need"
    assert stem("platforms") == stem("platform")
