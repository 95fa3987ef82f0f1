"""Whose fact is this (issue 10): answers about another city, the nation, a company, or holding
only views give no level; look-alikes that state a fact of the city's own keep theirs.

Wording here is new (not from any dataset): patterns, not sentences. Both sides are held.
"""

from __future__ import annotations

import pytest

from assistant.interpret.offline import OfflineInterpreter
from assistant.interpret.signals import find_hits, segments
from assistant.interpret.whose import owner, whose_reading
from assistant.models import Framework, Lang


def _reading(text: str, lang: Lang) -> str | None:
    spans = segments(text, lang)
    found = whose_reading(spans, find_hits(spans, lang), lang)
    return found[0] if found else None


ABOUT_OTHERS = [
    # another named city, the neighbours
    ("en", "In Curitiba they built a bus data platform years ago. Very clever people."),
    ("en", "Lisbon's transport company has a real-time bus app. Everyone uses it there."),
    ("en", "Our neighbours across the lake run an open data portal. They update it weekly."),
    ("ja", "浜松市さんは、データ連携基盤をかなり前から運用していると聞きました。"),
    ("ja", "隣の町は大学と協定を結んで、実証をどんどんやっているみたいです。"),
    # the national government / the ministry
    ("en", "The ministry runs a national portal for open data. They add datasets every week."),
    ("en", "The ministry funds projects like this nationwide."),
    ("ja", "国はガイドラインを出していますし、県もセキュリティの研修をやっています。"),
    # a company
    ("en", "One of the big telecom companies is testing drones for deliveries in the capital."),
    ("ja", "NECさんや富士通さんは、どこの自治体にも熱心に提案していますよね。"),
    # a donor, elsewhere; a city named in kana
    ("en", "The World Bank funds plenty of these projects in the region."),
    ("ja", "いわき市は実証実験をたくさんやっているそうです。"),
    # a place as the topic with には (its office is its own, not the city's); whose story it is
    ("ja", "隣町にはDX推進室があって、職員が5人もいるそうです。"),
    ("ja", "ある企業が大学とドローン配送を試しているらしいです。大阪の方の話ですが。"),
    # cities often cited as examples, named without 市; a maker's product elsewhere; the
    # speaker from the prefecture telling the prefecture's facts
    ("ja", "ヘルシンキやタリンは行政データの連携がかなり進んでいるそうです。"),
    ("ja", "横浜とか神戸みたいに、企業が実証の場を作っているところもありますね。大学も絡んでて。"),
    ("ja", "大手メーカーが見守りセンサーのサービスを始めて、全国の自治体で使われているそうです。"),
    ("ja", "県の職員として出向している者ですが、県では毎年研修計画を見直しています。"),
    # English: a pronoun pointing back to the other's thing; the nation's own law or strategy as
    # the subject; the speaker's own visit; a company's story told to be national; people
    # elsewhere; two named cities; an office of theirs
    ("en", "The national broadband plan is ambitious. It was announced by the president in May."),
    ("en", "The federal privacy act came out in 2019 and covers every agency."),
    ("en", "In Accra they linked all the permits. Amazing work. We saw a demo of it at a conference."),
    ("en", "The big mobile operator runs a 5G testbed with two universities. It is a national scheme, run from the capital."),
    ("en", "Lagos and Nairobi share a lot of data, they are far ahead of everyone."),
    ("en", "The provincial government has a big open data portal. They even have a data protection office."),
    # the speaker's own visit inside another's story; the plan of the nation pointed back to;
    # news the speaker saw about a company
    ("en", "In Tampere the living lab brings firms and the university together, we were impressed when we visited."),
    ("en", "The national government is building a shared data platform. The idea is that every agency connects."),
    ("ja", "ある通信会社が特区の提案をしている、というニュースは見ました。"),
    # "our capital" is another city; "worth a look" is a view; "a town like ours" is no fact
    ("en", "Our capital city runs a huge innovation hub. They host start-ups from all over. Worth a look."),
    # Japanese keeps the topic across sentences: what follows 「隣の町は…」 naming nobody, or only
    # a mayor, is still that town's; the nation's habit of helping is not the city's fact
    ("ja", "隣の町は本当に進んでいます。大学と組んで、毎月のように実証をしています。町長も熱心です。"),
    ("ja", "県はいつも研修の案内を出してくれますけど、中身は自分たちで考えろという感じですよね。"),
]
ONLY_VIEWS = [
    ("en", "I think data sharing is very important. Every city needs it."),
    ("en", "We should always ask residents first; that's the right way."),
    ("en", "Personally, technology must serve people, not the other way round."),
    ("ja", "データの共有は必要だと思います。"),
    ("ja", "住民の声を聞くことが一番大事だと思いますね。"),
    ("ja", "防災とDXはもっと一緒にやるべきです。"),
    ("ja", "正直、スマートシティは流行りだと感じています。"),
    # an adverb before 思う, a drawn-out ending, a wish named as such, the reason after a view,
    # "not X but Y is the proper way", a complaint
    ("ja", "データはもっと開くべきだといつも思ってます。"),
    ("ja", "若い人が戻ってくる町になってほしいなあ、というのが個人的な希望です。"),
    ("ja", "予算は複数年で組むべきでしょう。そうしないと続きませんから。"),
    ("ja", "箱物ありきじゃなくて、住民の困りごとから始めるのが筋だと思います。"),
    ("ja", "補助金の仕組みそのものがおかしい。"),
    # a view, then its reason (the reason is no fact of the city's)
    ("ja", "評価の仕組みは作ったほうがいいですよね。数字がないと説明できないので。"),
    ("ja", "住民抜きで決めるのはもう時代遅れだと思います。"),
    ("ja", "現場任せはよくない。"),
    # English: "in my personal view", "as they say", "a believer", "makes no sense"
    ("en", "in my honest view, mobility and energy should be planned together. makes no sense otherwise"),
    ("en", "Evaluation is essential. What you can't count you can't improve, as they say."),
    ("en", "I'm a firm believer in open standards. I did my thesis on interoperability."),
    ("en", "It should all be linked. Flooding is the biggest threat for a town like ours."),
    # a wish (「…してくれればと思います」)
    ("ja", "国がもっと後押ししてくれればと思います。"),
    # a header announcing a personal view, then bullets of views
    ("ja", "個人的に思うことですが、\n・データはもっと公開されるべき\n・住民の声が届く仕組みがほしい"),
]


@pytest.mark.parametrize(("lang", "text"), ABOUT_OTHERS)
def test_an_answer_about_someone_else_gives_no_basis(lang: Lang, text: str) -> None:
    assert _reading(text, lang) == "others", text


@pytest.mark.parametrize(("lang", "text"), ONLY_VIEWS)
def test_an_answer_holding_only_views_gives_no_basis(lang: Lang, text: str) -> None:
    assert _reading(text, lang) == "opinion", text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a city office runs it: the city's own fact, whoever speaks
        ("en", "It's not my department, but the IT unit runs the open data portal."),
        ("ja", "担当外ですが、情報政策課がオープンデータのポータルを運用しています。"),
        # someone else's system, used by the city
        ("en", "We use the national ID platform for online permits."),
        ("ja", "国のマイナンバーカードの仕組みを使って、住民票をオンラインで出しています。"),
        # someone else made or gave the city's thing: the city has it
        ("ja", "国が整備したガバメントクラウドに移行済みです。"),
        ("ja", "県が作った共通の電子申請システムを使っています。"),
        ("en", "The ministry gave a grant for the pilot."),
        ("en", "The province pays for the fibre link to city hall."),
        ("en", "The national government provides the ID system; permits go through it."),
        # a company runs the city's thing
        ("en", "A company runs our bus app under a five-year contract."),
        ("ja", "バスアプリはうちが委託した会社が運営しています。"),
        # a company working in the city, nothing said of elsewhere: the city's own pilot
        ("en", "A vendor is piloting a traffic dashboard in one district."),
        ("ja", "ベンダーさんが一部の地区でダッシュボードを試験運用しています。"),
        # a comparison that states the city's own
        ("en", "Like Singapore, we have a digital twin of the centre, though much smaller."),
        ("en", "Compared with Nairobi it's tiny here, but there is a pilot incubator."),
        ("ja", "福岡市ほどではないですが、うちもインキュベーション施設を一つ持っています。"),
        # the city's own facts about others
        ("en", "We signed an MOU with two neighbouring towns on shared e-services."),
        ("ja", "近隣の市と協定を結んで、毎年共同で研修をしています。"),
        ("ja", "隣町がランサムウェアの被害に遭ってから、方針を作る計画になりました。"),
        ("en", "The World Bank funds our flood sensors, and the city pays for maintenance."),
        ("ja", "私の市では、LINEで通報を受け付けています。"),
        # a city named with に as a destination, or set against the city's own office
        ("ja", "海外の友好都市に職員を研修で派遣したことがあります。"),
        ("ja", "隣町とは違って、企画課がビジョンの案をまとめました。"),
        ("ja", "隣町には推進室がありますが、うちも来年度に作る予定です。"),
        ("ja", "予算じゃなくて、ふるさと納税で運用費をまかなっています。"),
        # a view, then the city's own fact as its reason; a cited city beside the city's own
        ("ja", "公開は大事だと思います。うちは毎年カタログを更新しているので。"),
        ("ja", "福岡みたいにはいきませんが、本市も実証の窓口を一つ設けています。"),
        # the topic turns back to the city: a contrast, an absence, the city named; something
        # done for the city, then what its staff do
        ("ja", "隣の町は進んでいます。でも、こちらは企画課が計画の案を作りました。"),
        ("ja", "隣の町は進んでいます。まだ何も始めていません。"),
        ("ja", "隣の町はセンサーを入れています。本市も去年、川に水位計を付けました。"),
        ("ja", "県は毎年研修をしてくれます。職員が交代で参加しています。"),
        # what the city had made is its own (「…ものです」); never having heard of others' work is
        # an absence, not news about them
        ("ja", "窓口の予約システムは、市が業者に頼んで作ってもらったものです。"),
        ("ja", "市内で企業が自分から何か始めたという話は聞いたことがありません。"),
        # English look-alikes: the city's own fact after another's, a pronoun for the city's thing
        ("en", "The national strategy is ambitious. Our own plan was adopted by the council last year."),
        ("en", "The ministry published guidelines. It took us two years, but we now follow them."),
        ("en", "A vendor is piloting a parking app in one district. It is the first of its kind here."),
        ("ja", "国が交付金で後押ししてくれて、去年から実証を始めました。"),
        # a view, then a plan or something in place
        ("en", "I think partnerships matter, and we now have one MOU with the university."),
        ("ja", "連携は大事だと思います。実際、今年度から大学と協議会を始めました。"),
        ("ja", "必要だという話になって、企画課で検討を始めたところです。"),
        # a hedged fact is a fact
        ("en", "I think we have a draft policy somewhere."),
        ("ja", "たぶんポリシーの案はあると思います。"),
        # nobody named: the city's by default ("they" is the city's people unless someone
        # else was just named)
        ("en", "The portal is updated every month."),
        ("en", "They update the portal every month."),
        ("ja", "ポータルは毎月更新しています。"),
    ],
)
def test_a_fact_of_the_city_s_own_keeps_the_answer(lang: Lang, text: str) -> None:
    assert _reading(text, lang) is None, text


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Our neighbours have a portal.", "others"),  # "our" names the neighbours
        ("en", "The planning unit has a portal.", "ours"),
        ("en", "The ministry has a portal.", "others"),
        ("en", "The portal is live.", "none"),
        ("ja", "隣の市はポータルがあります。", "others"),
        ("ja", "本市はポータルがあります。", "ours"),
        ("ja", "隣の市と協定を結んでいます。", "none"),  # the partner, not the subject
        ("ja", "ポータルは動いています。", "none"),
    ],
)
def test_whose_statement(lang: Lang, text: str, expected: str) -> None:
    assert owner(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "reason"),
    [
        ("en", "In Porto they publish every bus timetable as open data. A great model.", "others"),
        ("ja", "隣の市はオープンデータをたくさん公開していますよね。", "others"),
        ("en", "I think open data is the future for every city.", "opinion"),
        ("ja", "オープンデータは必要だと思います。", "opinion"),
    ],
)
def test_the_interpreter_withholds_the_level_and_says_why(
    interpreter: OfflineInterpreter, fw: Framework, lang: Lang, text: str, reason: str
) -> None:
    got = interpreter.interpret(fw.element("E16"), text, lang)
    assert got.level is None and got.reason == reason and not got.unknown
    assert got.follow_up


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Open data is not my area, but the IT unit publishes about forty datasets on a portal and updates them monthly."),
        ("ja", "隣の市ほどではないですが、うちもポータルで40件ほどデータを公開しています。"),
    ],
)
def test_the_interpreter_places_the_look_alikes(
    interpreter: OfflineInterpreter, fw: Framework, lang: Lang, text: str
) -> None:
    got = interpreter.interpret(fw.element("E16"), text, lang)
    assert got.reason is None and got.level is not None


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_command_line_says_why(fw: Framework, lang: Lang) -> None:
    from assistant.catalogue import t
    from assistant.interpret.commands import _readable
    from assistant.ports import Interpretation

    for reason in ("others", "opinion"):
        got = Interpretation(element="E16", confidence=0.8, reason=reason)  # type: ignore[arg-type]
        assert t(f"interpret.reason.{reason}", lang) in _readable(fw.element("E16"), got, lang)
    placed = Interpretation(element="E16", level=2, confidence=0.8)
    assert t("interpret.reason.others", lang) not in _readable(fw.element("E16"), placed, lang)
