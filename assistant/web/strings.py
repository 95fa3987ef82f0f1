"""Every word the web app shows, in English and Japanese (data only).

Words the screens share with the report (stage, level, domains, ...) live in `assistant.i18n`
and framework wording in the framework YAML; this table holds only what belongs to the screens
(buttons, hints, statuses). `t` looks in both.
"""

from __future__ import annotations

from assistant.i18n import Text, lookup
from assistant.models import Lang

UI: dict[str, Text] = {
    # --- shell -----------------------------------------------------------------------------
    "app_tagline": {
        "en": "Built on JICA's Smart City Approach: 5 domains, 21 elements.",
        "ja": "JICAのスマートシティ・アプローチ（5分野・21エレメント）に基づく自己評価。",
    },
    "language": {"en": "Language / 言語", "ja": "言語 / Language"},
    "page_interview": {"en": "Interview", "ja": "インタビュー"},
    "page_results": {"en": "Results", "ja": "評価結果"},
    "page_ask": {"en": "Ask", "ja": "質問する"},
    "page_workspace": {"en": "Facilitator workspace", "ja": "ファシリテーター"},
    "kb_loading": {
        "en": "Knowledge base loading… everything else already works.",
        "ja": "ナレッジベースを読み込み中…ほかの機能はすでに使えます。",
    },
    "kb_ready": {
        "en": "Knowledge base ready ({n} passages).",
        "ja": "ナレッジベース準備完了（{n}件）。",
    },
    "kb_failed": {
        "en": "The knowledge base could not be loaded: {error}",
        "ja": "ナレッジベースを読み込めませんでした：{error}",
    },
    "kb_wait": {"en": "Loading the knowledge base…", "ja": "ナレッジベースを読み込み中…"},
    # --- session ---------------------------------------------------------------------------
    "session": {"en": "Your session", "ja": "セッション"},
    "session_code": {"en": "Session code", "ja": "セッションコード"},
    "resume_later": {
        "en": "Every confirmed answer is saved at once. Keep this code (or this page's address) "
        "to resume later, on any device.",
        "ja": "確定した回答はすぐに保存されます。このコード（またはこのページのURL）を控えておけば、"
        "後で別の端末からでも再開できます。",
    },
    "resume_with_code": {"en": "Resume with a code", "ja": "コードで再開"},
    "resume": {"en": "Resume", "ja": "再開する"},
    "resume_unknown": {
        "en": "No session matches this code.",
        "ja": "このコードに一致するセッションはありません。",
    },
    "new_interview": {"en": "Start a new interview", "ja": "新しいインタビューを始める"},
    "progress": {
        "en": "{done} of {total} elements answered",
        "ja": "{total}エレメント中{done}件回答済み",
    },
    # --- intake ----------------------------------------------------------------------------
    "intake_title": {"en": "About your city", "ja": "都市について"},
    "intake_intro": {
        "en": "A few facts first; then about 21 short questions, one at a time, answered in your "
        "own words. You can pause at any point and resume with your session code.",
        "ja": "はじめに都市の基本情報を伺います。その後、21の短い質問に一つずつ、ご自身の言葉で"
        "お答えください。いつでも中断し、セッションコードで再開できます。",
    },
    "city_name": {"en": "City name", "ja": "都市名"},
    "lead_actor": {"en": "Who leads the smart-city work?", "ja": "スマートシティの主な実施主体"},
    "population": {"en": "Population (optional)", "ja": "人口（任意）"},
    "focus_sectors": {
        "en": "Focus sectors (optional, comma-separated)",
        "ja": "重点セクター（任意、カンマ区切り）",
    },
    "focus_areas": {
        "en": "Focus areas or districts (optional, comma-separated)",
        "ja": "重点エリア・地区（任意、カンマ区切り）",
    },
    "start": {"en": "Start the interview", "ja": "インタビューを始める"},
    "name_required": {"en": "Please enter the city's name.", "ja": "都市名を入力してください。"},
    "list_invalid": {
        "en": "{field}: at most 20 items, each up to 200 characters.",
        "ja": "{field}：20項目まで、各200文字以内で入力してください。",
    },
    "profile_invalid": {
        "en": "Please check this field: {field}.",
        "ja": "次の項目を確認してください：{field}",
    },
    # --- interview chat --------------------------------------------------------------------
    "chat_placeholder": {
        "en": "Answer in your own words, or ask a question…",
        "ja": "ご自身の言葉でお答えください。質問もできます…",
    },
    "proposal": {"en": "Proposed level {level}", "ja": "提案レベル {level}"},
    "pair_title": {
        "en": "Two levels fit this answer. Which is closer?",
        "ja": "この回答には2つのレベルが当てはまります。どちらが近いですか。",
    },
    "level_title": {"en": "Level {level}", "ja": "レベル {level}"},
    "choose_level": {"en": "Choose level {level}", "ja": "レベル{level}を選ぶ"},
    "because_words": {"en": "Because you said: “{phrase}”", "ja": "根拠となった発言：「{phrase}」"},
    "document_words": {
        "en": "From your documents ({origin}): “{phrase}” — is that still right? Nothing from "
        "the documents is saved until you confirm.",
        "ja": "お送りいただいた文書（{origin}）より：「{phrase}」— 現在もこの通りでよろしいですか。"
        "確定するまで保存されません。",
    },
    "earlier_words": {
        "en": "Earlier you mentioned: “{phrase}” — is that right for this topic?",
        "ja": "先ほどのお話：「{phrase}」— この項目についてもこの通りでよろしいですか。",
    },
    "confidence_high": {
        "en": "Confidence: high, the answer matches this level clearly.",
        "ja": "確信度：高（回答がこのレベルによく当てはまります）",
    },
    "confidence_medium": {
        "en": "Confidence: medium, please check the level description.",
        "ja": "確信度：中（レベルの説明をご確認ください）",
    },
    "confidence_low": {
        "en": "Confidence: low, choose another level below if this does not fit.",
        "ja": "確信度：低（当てはまらなければ下から別のレベルを選んでください）",
    },
    "quick_replies": {"en": "Quick replies", "ja": "クイック返信"},
    "earlier": {"en": "Earlier in this interview", "ja": "これまでのやり取り"},
    "change_answer": {"en": "Change an answer", "ja": "回答を変更する"},
    "sources": {"en": "Sources", "ja": "出典"},
    "saved": {"en": "Saved.", "ja": "保存しました。"},
    "engine_missing": {
        "en": "The interview engine is not available in this installation.",
        "ja": "このインストールではインタビュー機能を利用できません。",
    },
    "interview_done": {
        "en": "The interview is complete. See the Results page for the profile and downloads.",
        "ja": "インタビューは完了しました。評価結果ページでプロファイルとダウンロードをご覧ください。",
    },
    "see_results": {"en": "See the results", "ja": "評価結果を見る"},
    # --- results ---------------------------------------------------------------------------
    "results_title": {"en": "Results", "ja": "評価結果"},
    "results_empty": {
        "en": "No answers yet: complete the interview, or load an answers file (JSON) below.",
        "ja": "まだ回答がありません。インタビューを完了するか、下で回答ファイル（JSON）を読み込んでください。",
    },
    "load_answers": {"en": "Load an answers file (JSON)", "ja": "回答ファイル（JSON）を読み込む"},
    "load_answers_many": {
        "en": "Load answers files (JSON, one or more)",
        "ja": "回答ファイル（JSON、複数可）を読み込む",
    },
    "answers_file_too_big": {
        "en": "{name}: the file is larger than {limit} bytes.",
        "ja": "{name}：ファイルが{limit}バイトを超えています。",
    },
    "not_utf8": {"en": "{name}: not UTF-8 text.", "ja": "{name}：UTF-8のテキストではありません。"},
    "showing": {"en": "Showing", "ja": "表示する回答"},
    "current_interview": {"en": "Current interview ({name})", "ja": "現在のインタビュー（{name}）"},
    "overall": {"en": "Overall score", "ja": "総合スコア"},
    "stage_insufficient": {"en": "Not enough answers", "ja": "回答不足"},
    "approach_for_stage": {"en": "The approach for this stage", "ja": "この段階のアプローチ"},
    "domain_chart": {"en": "The five domains", "ja": "5つの分野"},
    "element_chart": {"en": "The 21 elements by level", "ja": "21エレメントのレベル"},
    "domain": {"en": "Domain", "ja": "分野"},
    "evidence_table": {
        "en": "Every element, its level and the evidence given",
        "ja": "全エレメントのレベルと回答内容",
    },
    "relevance": {"en": "relevance {n}", "ja": "関連度 {n}"},
    "none_found": {"en": "None.", "ja": "なし。"},
    "more_options": {"en": "{n} more options", "ja": "その他の協力メニュー（{n}件）"},
    "downloads": {"en": "Downloads", "ja": "ダウンロード"},
    "dl_answers": {"en": "Answers file (JSON)", "ja": "回答ファイル（JSON）"},
    "dl_report_md": {"en": "Report (Markdown)", "ja": "レポート（Markdown）"},
    "dl_report_html": {"en": "Report (HTML, printable)", "ja": "レポート（HTML・印刷可）"},
    "dl_hint": {
        "en": "The PDF report starts with a two-page summary; the full record follows as an "
        "appendix. The answers file can be loaded again here or compared later.",
        "ja": "PDFレポートは2ページの概要から始まり、評価の全記録が付録として続きます。"
        "回答ファイルはここで再読み込みや後日の比較に使えます。",
    },
    "provenance_printed": {"en": "printed in the brochure", "ja": "パンフレット記載"},
    "provenance_reading": {"en": "the project's reading", "ja": "本プロジェクトの解釈"},
    "provenance_added": {"en": "added document", "ja": "追加文書"},
    # --- ask -------------------------------------------------------------------------------
    "ask_title": {"en": "Ask about cooperation options", "ja": "協力メニューについて質問する"},
    "ask_intro": {
        "en": "Answers come from the knowledge base (JICA's Smart City Approach and added "
        "documents), with numbered sources you can open. Questions it does not cover are "
        "declined rather than guessed.",
        "ja": "回答はナレッジベース（JICAのスマートシティ・アプローチと追加文書）から、番号付きの出典"
        "とともに示します。ナレッジベースにない質問には推測で答えません。",
    },
    "ask_placeholder": {
        "en": "e.g. Does JICA support testbeds?",
        "ja": "例：JICAはテストベッドを支援しますか？",
    },
    "clear_chat": {"en": "Clear the conversation", "ja": "会話を消去"},
    # --- workspace -------------------------------------------------------------------------
    "ws_title": {"en": "Facilitator workspace", "ja": "ファシリテーター用ワークスペース"},
    "tab_compare": {"en": "Compare", "ja": "比較"},
    "tab_docs": {"en": "Knowledge base", "ja": "ナレッジベース"},
    "loaded": {"en": "Loaded interviews", "ja": "読み込んだインタビュー"},
    "add_by_code": {"en": "Add a session by its code", "ja": "セッションコードで追加"},
    "add": {"en": "Add", "ja": "追加"},
    "added": {"en": "Added {name}.", "ja": "{name}を追加しました。"},
    "need_two": {
        "en": "Load at least two interviews (answers files or session codes) to compare them.",
        "ja": "比較するには、2つ以上のインタビュー（回答ファイルまたはセッションコード）を読み込んでください。",
    },
    "need_one": {
        "en": "Load an interview (answers file or session code) to prepare its brief.",
        "ja": "ブリーフを作成するには、インタビュー（回答ファイルまたはセッションコード）を読み込んでください。",
    },
    "first": {"en": "First (e.g. baseline)", "ja": "1つ目（例：ベースライン）"},
    "second": {"en": "Second (e.g. follow-up)", "ja": "2つ目（例：フォローアップ）"},
    "changes": {
        "en": "Element by element (changes highlighted)",
        "ja": "エレメント別（変化を強調）",
    },
    "n_changed": {"en": "{n} elements changed.", "ja": "{n}件のエレメントが変化しました。"},
    "dl_compare_md": {"en": "Comparison (Markdown)", "ja": "比較（Markdown）"},
    "dl_compare_html": {"en": "Comparison (HTML)", "ja": "比較（HTML）"},
    "brief_for": {"en": "Interview", "ja": "対象インタビュー"},
    "dl_brief_md": {"en": "Brief (Markdown)", "ja": "ブリーフ（Markdown）"},
    "dl_brief_html": {"en": "Brief (HTML, printable)", "ja": "ブリーフ（HTML・印刷可）"},
    "docs_intro": {
        "en": "Add documents to the knowledge base: Markdown, text or PDF, up to {mb} MB each. "
        "Their text is quoted in answers, never followed as instructions.",
        "ja": "ナレッジベースに文書を追加します（Markdown・テキスト・PDF、各{mb}MBまで）。"
        "文書の内容は回答で引用されるだけで、指示として扱われることはありません。",
    },
    "upload_docs": {"en": "Documents to add", "ja": "追加する文書"},
    "added_by": {"en": "Added by (optional)", "ja": "追加者（任意）"},
    "ingest": {"en": "Add to the knowledge base", "ja": "ナレッジベースに追加"},
    "ingest_done": {
        "en": "Added {added} passages; the knowledge base now holds {total}.",
        "ja": "{added}件のパッセージを追加しました（合計{total}件）。",
    },
    "rejected": {"en": "Rejected: {reason}", "ja": "受け付けませんでした：{reason}"},
    "bad_type": {
        "en": "{name}: unsupported file type; accepted: .md, .markdown, .txt, .pdf",
        "ja": "{name}：対応していない形式です（.md, .markdown, .txt, .pdf のみ）",
    },
    "too_big": {
        "en": "{name}: {size} bytes, over the {limit} byte limit",
        "ja": "{name}：{size}バイトで、上限の{limit}バイトを超えています",
    },
    "kb_contents": {"en": "What is in the knowledge base", "ja": "ナレッジベースの内容"},
    "kind": {"en": "Kind", "ja": "種類"},
    "passages": {"en": "Passages", "ja": "パッセージ数"},
    "added_at": {"en": "Added", "ja": "追加日時"},
    "who": {"en": "Added by", "ja": "追加者"},
    "kind_framework": {"en": "framework", "ja": "フレームワーク"},
    "kind_guidance": {"en": "guidance", "ja": "ガイダンス"},
    "kind_added": {"en": "added", "ja": "追加文書"},
    "docs_locked": {
        "en": "Adding and removing documents is off: a facilitator sets "
        "ASSISTANT_FACILITATOR_PASSPHRASE to turn it on.",
        "ja": "文書の追加・削除は無効です。ファシリテーターが ASSISTANT_FACILITATOR_PASSPHRASE "
        "を設定すると有効になります。",
    },
    "docs_passphrase": {"en": "Facilitator passphrase", "ja": "ファシリテーターのパスフレーズ"},
    "docs_unlock": {"en": "Unlock", "ja": "解除"},
    "docs_wrong": {"en": "That passphrase is not right.", "ja": "パスフレーズが違います。"},
    "docs_interrupted": {
        "en": "{name} was uploaded but is not in the knowledge base (its adding was interrupted): "
        "add it again.",
        "ja": "{name}はアップロードされましたが、ナレッジベースにありません（追加が中断されました）。"
        "もう一度追加してください。",
    },
    "docs_remove": {"en": "Remove an added document", "ja": "追加文書を削除"},
    "docs_remove_button": {"en": "Remove", "ja": "削除"},
    "docs_removed": {
        "en": "Removed; the knowledge base now holds {total} passages.",
        "ja": "削除しました（合計{total}件）。",
    },
    "ingest_progress": {
        "en": "Adding to the knowledge base: {done} of {total} passages embedded",
        "ja": "ナレッジベースに追加中：{total}件中{done}件のパッセージを処理しました",
    },
    "ingest_reading": {
        "en": "Reading the documents and checking the limits…",
        "ja": "文書を読み込み、上限を確認しています…",
    },
    "ingest_waiting": {
        "en": "Waiting: another document is being added first.",
        "ja": "待機中：別の文書を追加しています。",
    },
    "ingest_cancel": {"en": "Cancel", "ja": "キャンセル"},
    "ingest_cancelling": {"en": "Cancelling…", "ja": "キャンセルしています…"},
    "ingest_cancelled": {
        "en": "Cancelled: nothing from these documents was added.",
        "ja": "キャンセルしました。これらの文書からは何も追加されていません。",
    },
    "ingest_failed": {
        "en": "Adding the documents failed ({error}); nothing from them was added.",
        "ja": "文書の追加に失敗しました（{error}）。これらの文書からは何も追加されていません。",
    },
    "docs_busy": {
        "en": "A document is being added: remove one when that has finished.",
        "ja": "文書を追加中です。完了してから削除してください。",
    },
}


def t(key: str, lang: Lang, **values: object) -> str:
    """The UI text (or shared term) for ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    return lookup(UI, key, lang, **values)
