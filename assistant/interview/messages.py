"""Every user-facing string of the interview, in English and Japanese.

Kept in one table so that a missing translation is visible at a glance (and tested), and so the
engine's logic never carries prose.
"""

from __future__ import annotations

from assistant.i18n import Text, lookup
from assistant.models import Lang

M: dict[str, Text] = {
    # --- start, resume, pause --------------------------------------------------------------
    "welcome": {
        "en": (
            "Welcome. I will ask you about your city's smart-city work, one question at a time: "
            "first a few facts about the city, then 21 topics in five areas. Answer in your own "
            "words; I will suggest a level and you confirm or correct it. Every confirmed answer "
            "is saved at once.\nYour session code is {code}: keep it to continue later."
        ),
        "ja": (
            "ようこそ。スマートシティの取組みについて、一問ずつお聞きします。最初に都市の基本情報、"
            "次に5つの分野の21項目です。ご自分の言葉でお答えください。こちらでレベルを提案しますので、"
            "確認または修正してください。確定した回答はすぐに保存されます。\n"
            "セッションコードは {code} です。後で続けるときに使いますので控えてください。"
        ),
    },
    "welcome_back": {
        "en": "Welcome back. {done} of {total} topics are answered; let's continue.",
        "ja": "おかえりなさい。{total}項目中{done}項目に回答済みです。続けましょう。",
    },
    "paused": {
        "en": (
            "Paused. Everything you confirmed is saved. Your session code is {code}. To continue, "
            "enter this code in the app, or run: assistant interview --resume {code}"
        ),
        "ja": (
            "中断しました。確定した回答はすべて保存されています。セッションコードは {code} です。"
            "続けるには、アプリでこのコードを入力するか、次を実行してください："
            "assistant interview --resume {code}"
        ),
    },
    "help": {
        "en": (
            "You can answer in your own words at any time. You can also say: yes (confirm), a "
            "number 0-4 (choose a level), don't know, back, change E07, what does this mean?, "
            "go to technology, progress, pause, Japanese (continue in Japanese). Questions about "
            "JICA's cooperation are welcome too."
        ),
        "ja": (
            "いつでもご自分の言葉でお答えください。次のようにも言えます：はい（確定）、0〜4の数字"
            "（レベルを選ぶ）、わからない、戻る、E07を変更、どういう意味、技術へ、進捗、中断、"
            "英語で（英語で続ける）。"
            "JICAの協力についての質問もどうぞ。"
        ),
    },
    "lang_switched": {
        "en": "We will continue in English.",
        "ja": "ここからは日本語で続けます。",
    },
    # --- intake ------------------------------------------------------------------------------
    "intake_intro": {
        "en": "First, a few facts about the city.",
        "ja": "まず、都市の基本情報をお聞きします。",
    },
    "ask_name": {
        "en": "What is the name of the city (or area) being assessed?",
        "ja": "評価する都市（または地区）の名前は何ですか。",
    },
    "ask_country": {
        "en": "Which country is it in? (say skip to leave it empty)",
        "ja": "どの国の都市ですか。（空欄にする場合は「スキップ」）",
    },
    "ask_city_type": {
        "en": "Which of these best describes the city? Answer with a number or the name.",
        "ja": "都市の性格として最も近いものはどれですか。番号か名前でお答えください。",
    },
    "ask_lead_actor": {
        "en": "Who mainly leads the smart-city work? Answer with a number or the name.",
        "ja": "スマートシティの取組みを主に主導しているのは誰ですか。番号か名前でお答えください。",
    },
    "ask_population": {
        "en": "About how many people live there? (a number such as 850000 or 1.2 million; "
        "say skip if unsure)",
        "ja": "人口はおよそ何人ですか。（例：850000、120万。不明なら「スキップ」）",
    },
    "ask_focus_sectors": {
        "en": "Which sectors does the city focus on, if any? (a comma list such as transport, "
        "health; say skip for none)",
        "ja": "重点を置いている分野（セクター）はありますか。（例：交通、保健。"
        "カンマ区切り。なければ「スキップ」）",
    },
    "ask_focus_areas": {
        "en": "Which districts or areas does the city focus on, if any? (a comma list; say skip "
        "for none)",
        "ja": "重点を置いている地区・エリアはありますか。（カンマ区切り。なければ「スキップ」）",
    },
    "ask_language": {
        "en": "In which language should we continue and write the report? (English or Japanese)",
        "ja": "この後の対話とレポートはどちらの言語にしますか。（日本語 または 英語）",
    },
    "bad_name": {
        "en": "Please give the city's name (1 to 200 characters).",
        "ja": "都市名を入力してください（1〜200文字）。",
    },
    "bad_country": {
        "en": "Please give the country's name (up to 200 characters), or say skip.",
        "ja": "国名を入力してください（200文字以内）。または「スキップ」と入力してください。",
    },
    "bad_choice": {
        "en": "I did not recognise that. Please answer with one of the numbers shown.",
        "ja": "認識できませんでした。表示された番号のいずれかでお答えください。",
    },
    "bad_population": {
        "en": "Please give a number between 0 and 100 million (for example 850000 or 1.2 "
        "million), or say skip.",
        "ja": "0〜1億の数でお答えください（例：850000、120万）。不明なら「スキップ」。",
    },
    "bad_list": {
        "en": "Please give at most 20 items, separated by commas, or say skip.",
        "ja": "カンマ区切りで20項目以内にしてください。なければ「スキップ」。",
    },
    "intake_first": {
        "en": "This is the first question about the city.",
        "ja": "これが最初の質問です。",
    },
    "intake_done": {
        "en": "Thank you. Profile saved: {summary}. Now the 21 topics, domain by domain.",
        "ja": "ありがとうございます。都市情報を保存しました：{summary}。では21項目を分野ごとにお聞きします。",
    },
    "intake_not_yet": {
        "en": "Let's finish the facts about the city first.",
        "ja": "先に都市の基本情報を済ませましょう。",
    },
    "skip_word": {"en": "skip", "ja": "スキップ"},
    # --- city types and lead actors, in plain words -------------------------------------------
    "type_metropolis": {
        "en": "a capital or large city that represents the country, with a strong private sector",
        "ja": "首都や国を代表する大都市で、民間企業の力が強い",
    },
    "type_regional_core": {
        "en": "the main city of a region, providing services such as health, water and "
        "transport to a wide surrounding area",
        "ja": "地方の中心となる都市で、保健・水・交通などのサービスを周辺地域にも提供している",
    },
    "type_industry_specialized": {
        "en": "a city built around one industry, such as tourism, a port, manufacturing or mining",
        "ja": "観光・港湾・製造業・鉱業など、特定の産業を軸とする都市",
    },
    "type_area_development": {
        "en": "a new town or a district being developed, such as a special economic zone",
        "ja": "ニュータウンや経済特区など、新たに開発される地区",
    },
    "actor_national": {
        "en": "the national government (a ministry or national agency)",
        "ja": "国（省庁や国の機関）",
    },
    "actor_municipal": {
        "en": "the city or local government",
        "ja": "市などの地方自治体",
    },
    "actor_private": {
        "en": "private companies or a developer",
        "ja": "民間企業や開発事業者",
    },
    "actor_national_name": {"en": "National government", "ja": "国"},
    "actor_municipal_name": {"en": "City / local government", "ja": "地方自治体"},
    "actor_private_name": {"en": "Private sector", "ja": "民間"},
    "lang_en_name": {"en": "English", "ja": "英語"},
    "lang_ja_name": {"en": "Japanese", "ja": "日本語"},
    "not_given": {"en": "not given", "ja": "未回答"},
    "population_of": {"en": "population {n:,}", "ja": "人口{n:,}人"},
    # --- elements ------------------------------------------------------------------------
    "question_header": {
        "en": "Question {n}/{total} · {domain} · {id} {name}",
        "ja": "質問 {n}/{total}・{domain}・{id} {name}",
    },
    "current_answer": {
        "en": "Your current answer: {level}{evidence}. Tell me the new answer, or choose a level.",
        "ja": "現在の回答：{level}{evidence}。新しい回答を入力するか、レベルを選んでください。",
    },
    "level_n": {"en": "level {n}", "ja": "レベル{n}"},
    "dont_know": {"en": "don't know", "ja": "わからない"},
    "proposal": {
        "en": "I would place this at level {level}: {rubric}",
        "ja": "レベル{level}と考えます：{rubric}",
    },
    "proposal_document": {
        "en": 'From your documents ({origin}): "{quote}" — I would put this at level {level}: '
        "{rubric}",
        "ja": "お送りいただいた文書（{origin}）より：「{quote}」— レベル{level}と考えます：{rubric}",
    },
    "document_hint": {
        "en": "Is that still right? Say yes to confirm, a number 0-4 to choose another level, or "
        "tell me more. Nothing from the documents is saved until you confirm.",
        "ja": "現在もこの通りでよろしいですか。確定する場合は「はい」、別のレベルは0〜4の数字、"
        "補足がある場合は続けて入力してください。確定するまで文書の内容は保存されません。",
    },
    "from_document": {"en": "From {origin}: {quote}", "ja": "{origin}より：{quote}"},
    "proposal_earlier": {
        "en": 'Earlier you mentioned: "{quote}" — I would put this at level {level}: {rubric}',
        "ja": "先ほど「{quote}」とお話しいただきました — レベル{level}と考えます：{rubric}",
    },
    "earlier_hint": {
        "en": "Is that right? Say yes to confirm, a number 0-4 to choose another level, or tell "
        "me more. Nothing is saved for this topic until you confirm.",
        "ja": "よろしいですか。確定する場合は「はい」、別のレベルは0〜4の数字、補足がある場合は"
        "続けて入力してください。確定するまでこの項目には保存されません。",
    },
    "from_earlier": {
        "en": "Said while answering {origin}: {quote}",
        "ja": "{origin}への回答の中で：{quote}",
    },
    "proposal_unsure": {
        "en": "I am not sure, but this looks like level {level}: {rubric}",
        "ja": "確信はありませんが、レベル{level}に近いと考えます：{rubric}",
    },
    "because_you_said": {
        "en": 'Because you said: "{evidence}"',
        "ja": "根拠となったご発言：「{evidence}」",
    },
    "confirm_hint": {
        "en": "Is that right? Say yes to confirm, a number 0-4 to choose another level, or tell "
        "me more.",
        "ja": "よろしいですか。確定する場合は「はい」、別のレベルを選ぶ場合は0〜4の数字、"
        "補足がある場合は続けて入力してください。",
    },
    "proposal_pair": {
        "en": "I cannot tell which of these two levels fits better:",
        "ja": "次の2つのレベルのどちらに当たるか、判断がつきません：",
    },
    "pair_hint": {
        "en": "Which is closer? Choose level {a} or level {b}, another number 0-4, or tell me "
        "more.",
        "ja": "どちらが近いですか。レベル{a}かレベル{b}、または別の0〜4の数字を選ぶか、"
        "補足を入力してください。",
    },
    "separate_or_pick": {
        "en": "Tell me in your own words, or choose one of these two levels:",
        "ja": "ご自分の言葉でお答えいただくか、次の2つのレベルから選んでください：",
    },
    "probe": {
        "en": "Could you tell me a little more? {probe}",
        "ja": "もう少し詳しく教えてください。{probe}",
    },
    "offer_levels": {
        "en": "I cannot place this from what you said. Which of these is closest? Answer with a "
        "number 0-4, or say don't know.",
        "ja": "いただいた内容からはレベルを判断できません。次のうち最も近いものはどれですか。"
        "0〜4の数字でお答えください。わからない場合は「わからない」。",
    },
    "level_line": {"en": "{n} — {text}", "ja": "{n} — {text}"},
    "no_proposal": {
        "en": "There is no proposal to confirm yet: please answer in your own words or choose a "
        "level 0-4.",
        "ja": "まだ確定できる提案がありません。ご自分の言葉でお答えいただくか、0〜4のレベルを選んでください。",
    },
    "not_a_level": {
        "en": "Then which level fits best? Choose a number 0-4, or tell me more.",
        "ja": "では、どのレベルが最も近いですか。0〜4の数字を選ぶか、補足を入力してください。",
    },
    "saved_level": {
        "en": "Saved {id} ({name}): level {level}.",
        "ja": "{id}（{name}）をレベル{level}として保存しました。",
    },
    "saved_unknown": {
        "en": "Saved {id} ({name}) as unknown. You can change it later (say change {id}).",
        "ja": "{id}（{name}）を「不明」として保存しました。後で変更できます（「{id}を変更」）。",
    },
    "first_element": {
        "en": "This is the first topic; there is nothing before it.",
        "ja": "これが最初の項目です。前の項目はありません。",
    },
    "unknown_element": {
        "en": "There is no topic {id}; topics are E01 to E21.",
        "ja": "{id}という項目はありません。項目はE01〜E21です。",
    },
    "changing": {
        "en": "Let's revisit {id}.",
        "ja": "{id}を見直しましょう。",
    },
    "jump_domain": {
        "en": "Moving to {domain}.",
        "ja": "{domain}に移ります。",
    },
    "back_to": {
        "en": "Back to the question:",
        "ja": "質問に戻ります：",
    },
    "explain_intro": {
        "en": "{name} means {short}. The desired state is: {desired}",
        "ja": "「{name}」とは、{short}のことです。目指す状態は次のとおりです：{desired}",
    },
    "explain_kb": {
        "en": "What the guidance says:",
        "ja": "資料の記述：",
    },
    "no_knowledge": {
        "en": "I cannot look that up right now: the knowledge base is not available.",
        "ja": "現在ナレッジベースを利用できないため、お調べできません。",
    },
    "side_question_intro": {
        "en": "About your question:",
        "ja": "ご質問について：",
    },
    "progress": {
        "en": "Progress: {done} of {total} topics answered. {domains}",
        "ja": "進捗：{total}項目中{done}項目回答済み。{domains}",
    },
    "progress_domain": {"en": "{name} {done}/{total}", "ja": "{name} {done}/{total}"},
    "empty_input": {
        "en": "I did not catch that. Please type your answer.",
        "ja": "入力がありませんでした。回答を入力してください。",
    },
    # --- read-back and finish ------------------------------------------------------------
    "readback_intro": {
        "en": "All 21 topics are answered. Here is what I recorded, domain by domain; please "
        "check it.",
        "ja": "21項目すべてに回答いただきました。記録した内容を分野ごとに示しますので、ご確認ください。",
    },
    "readback_domain": {"en": "{domain}:", "ja": "{domain}："},
    "readback_line": {
        "en": "{id} {name}: {level}{evidence}",
        "ja": "{id} {name}：{level}{evidence}",
    },
    "readback_hint": {
        "en": "To correct one, say change E05 (for example). When everything is right, say finish.",
        "ja": "修正する場合は「E05を変更」のように入力してください。よろしければ「完了」と入力してください。",
    },
    "finish_not_ready": {
        "en": "Not every topic is answered yet ({done} of {total}); let's finish them first.",
        "ja": "まだすべての項目に回答していません（{total}項目中{done}項目）。先に回答しましょう。",
    },
    "finished": {
        "en": "Thank you. The interview is complete. The city's stage: {stage}.",
        "ja": "ありがとうございました。インタビューは完了です。都市の段階：{stage}。",
    },
    "already_done": {
        "en": "The interview is complete. You can still change an answer (say change E05) or "
        "ask a question.",
        "ja": "インタビューは完了しています。回答の変更（「E05を変更」）や質問は引き続きできます。",
    },
    "stage_insufficient_data": {
        "en": "not enough answers to place the city",
        "ja": "回答が不足しているため判定できません",
    },
    # --- quick-reply labels --------------------------------------------------------------
    "btn_confirm": {"en": "Yes, level {level}", "ja": "はい、レベル{level}"},
    "btn_level": {"en": "Level {n}: {text}", "ja": "レベル{n}：{text}"},
    "btn_unknown": {"en": "Don't know", "ja": "わからない"},
    "btn_explain": {"en": "What does this mean?", "ja": "どういう意味？"},
    "btn_back": {"en": "Back", "ja": "戻る"},
    "btn_pause": {"en": "Pause", "ja": "中断"},
    "btn_finish": {"en": "Finish", "ja": "完了"},
    "btn_change": {"en": "Change {id}", "ja": "{id}を変更"},
    "btn_skip": {"en": "Skip", "ja": "スキップ"},
}


def t(lang: Lang, key: str, **values: object) -> str:
    """The message (or shared term) ``key`` in ``lang`` with ``values`` filled in."""
    return lookup(M, key, lang, **values)
