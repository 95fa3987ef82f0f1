"""The reader's word rules: relation elements, passing references, work that was stopped."""

from __future__ import annotations

from assistant.prefill import lexicon


def test_e04_needs_a_stated_relation_between_plans() -> None:
    assert lexicon.states_relation("E04", "The digital plan is aligned with the city plan.", "en")
    assert not lexicon.states_relation(
        "E04", "The Integrated Development Plan was approved in February.", "en"
    )
    assert lexicon.states_relation("E04", "本計画は総合計画の分野別計画として位置付ける。", "ja")
    assert not lexicon.states_relation("E04", "総合計画の策定作業を開始した。", "ja")
    assert lexicon.states_relation("E07", "anything", "en")  # no requirement for the others


def test_e11_needs_the_people_the_data_concerns() -> None:
    assert not lexicon.states_relation(
        "E11", "Staff anonymise personal data before sharing it between departments.", "en"
    )
    assert lexicon.states_relation("E11", "Residents worried that the lamps hold cameras.", "en")
    assert lexicon.states_relation("E11", "市民の皆様に安心していただけるよう説明する。", "ja")


def test_passing_references_give_no_level() -> None:
    assert lexicon.in_passing("他市の事例も参考にしながら検討します。", "ja")
    assert lexicon.in_passing("Cooperation with other municipalities is reported separately.", "en")
    assert lexicon.in_passing("Councilor Ong mentioned that start-ups had asked about data.", "en")
    assert not lexicon.in_passing("The city signed a twinning agreement with Rennfeld.", "en")


def test_work_that_was_stopped_caps_the_level() -> None:
    assert lexicon.stopped_cap("E07", "The Smart City Cell was wound up in August.", "en") == 2
    assert (
        lexicon.stopped_cap("E19", "The roadmap was not carried forward after the elections.", "en")
        == 1
    )
    assert lexicon.stopped_cap("E19", "市長交代以降、事業の多くが見直された。", "ja") == 1
    assert lexicon.stopped_cap("E07", "The office coordinates every department.", "en") is None


def test_titles_and_contents_lines_are_no_evidence() -> None:
    from assistant.prefill.passages import is_title

    assert is_title("3. Vision and guiding principles")
    assert is_title("Dizon, Head, City Information and Communications Technology Office (CICTO)")
    assert is_title("防災情報の高度化")
    assert not is_title("The Strategy has twelve headline targets.")
    assert not is_title("| 計画の市民への周知不足 | 第2期計画で検討 |")
    assert not is_title("本計画は令和4年3月に決定した。")


def test_stems_for_what_evaluation_reports_say() -> None:
    assert lexicon.hits("E16", "The team bought anonymised mobile phone data for a study.", "en")
    assert lexicon.hits("E18", "Before choosing any technology, the team held focus groups.", "en")
    assert lexicon.hits("E19", "The project revised its workplan after the typhoon.", "en")
    assert lexicon.hits("E21", "運用費用の確保について財政課と検討する。", "ja")
    assert lexicon.hits("E15", "観測情報を一つの画面で一元的に確認できる。", "ja")
    assert not lexicon.hits("E19", "The road was resurfaced in May.", "en")


def test_a_privacy_notice_is_about_the_people_it_concerns() -> None:
    assert lexicon.states_relation(
        "E11", "アプリの利用目的を明示したプライバシー通知を作成した。", "ja"
    )
    assert not lexicon.states_relation("E11", "庁内のデータ共有の手続を定めた。", "ja")
