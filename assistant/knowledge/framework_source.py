"""The framework as a knowledge source: chunks generated from the framework YAML, per language."""

from __future__ import annotations

from assistant.knowledge.chunk import Chunk
from assistant.models import Framework

_LEVEL_LABEL = {
    "en": {"national": "national level", "city": "city level"},
    "ja": {"national": "国レベル", "city": "都市・自治体レベル"},
}


# Labelled glosses: the brochure prints the stage names in English only.
_STAGE_KANA = {
    "small_start": "スモールスタート",
    "accelerate": "アクセラレート（加速）",
    "sustainable_growth": "サステナブル・グロース（持続的成長）",
}
# 「スマートシティ技術の実装→他の地区へ導入」 is printed beside the stages; this is its one place.
_SCALE_NOTE = {
    "area": {
        "en": "\n(Placing “implement smart-city technology, then introduce it to other districts”"
        " with the area-based way is the project's reading of the layout.)",
        "ja": "\n（「スマートシティ技術の実装→他の地区へ導入」をエリア軸の広げ方に置くのは本プロジェクトの読み取り）",
    }
}


def framework_chunks(fw: Framework) -> list[Chunk]:
    """One chunk per element, cooperation line, stage, city type and scale-up way, per language."""
    chunks: list[Chunk] = []
    domains = {d.id: d for d in fw.domains}
    types = {t.id: t for t in fw.cooperation_types}
    for lang in ("en", "ja"):
        for el in fw.elements:
            coop = tuple(c.id for c in fw.cooperation if el.id in c.elements)
            dom = domains[el.domain].name.get(lang)
            level4 = el.rubric[4].text.get(lang)
            if lang == "en":
                text = (
                    f"{el.name.en} ({dom} domain, element {el.id}): {el.short.en}.\n"
                    f"Desired state: {el.desired_state.en}\nLevel 4: {level4}\n"
                    f"In plain words: {el.question.en}\n"
                    f"Keywords: {', '.join(el.keywords.get('en', []))}"
                )
            else:
                text = (
                    f"{el.name.ja}（{dom}領域、エレメント{el.id}）：{el.short.ja}\n"
                    f"望ましい状態：{el.desired_state.ja}\nレベル4：{level4}\n"
                    f"わかりやすく言うと：{el.question.ja}\n"
                    f"キーワード：{'、'.join(el.keywords.get('ja', []))}"
                )
            chunks.append(
                _fw_chunk(
                    f"element-{el.id}",
                    lang,
                    f"{el.id} {el.name.get(lang)}",
                    "what",
                    text,
                    el.desired_state_provenance,
                    (el.id,),
                    coop,
                )
            )
        for line in fw.cooperation:
            level = _LEVEL_LABEL[lang][line.level]
            tname = types[line.type].name.get(lang)
            if lang == "en":
                title = f"JICA cooperation at {level}: {_short(line.text.en)}"
                text = (
                    f"JICA cooperation menu — {tname}.\n{line.text.en}\n"
                    f"(Listed at {level}: the level is the project's reading of the layout.)"
                )
            else:
                title = f"JICAの協力メニュー（{level}）：{_short(line.text.ja)}"
                text = (
                    f"JICAの協力メニュー — {tname}\n{line.text.ja}\n"
                    f"（{level}の項目とするのは本プロジェクトのレイアウトの読み取り）"
                )
            chunks.append(
                _fw_chunk(
                    f"coop-{line.id}",
                    lang,
                    title,
                    "support",
                    text,
                    "printed",  # the line is verbatim; its level is labelled as a reading
                    tuple(line.elements),
                    (line.id,),
                )
            )
        for st in fw.stages:
            steps = "\n".join(f"- {a.get(lang)}" for a in st.approach)
            if lang == "en":
                text = f"Maturity stage {st.name.en}: fits {st.fits.en}.\nApproach:\n{steps}"
                title = f"Stage: {st.name.en}"
            else:
                text = (
                    f"成熟度ステージ {st.name.ja}：{st.fits.ja}\nアプローチ：\n{steps}\n"
                    f"（カタカナ表記「{_STAGE_KANA.get(st.id, st.name.ja)}」は本プロジェクトによる）"
                )
                title = f"ステージ：{st.name.ja}"
            chunks.append(_fw_chunk(f"stage-{st.id}", lang, title, "where", text, st.provenance))
        for ct in fw.city_types:
            dirs = "\n".join(f"- {d.get(lang)}" for d in ct.directions)
            if lang == "en":
                text = f"Directions for a city of type {ct.name.en}:\n{dirs}"
                title = f"City type: {ct.name.en}"
            else:
                text = f"都市の特性「{ct.name.ja}」の方向性：\n{dirs}"
                title = f"都市の特性：{ct.name.ja}"
            chunks.append(_fw_chunk(f"citytype-{ct.id}", lang, title, "where", text, ct.provenance))
        for su in fw.scale_up:
            if lang == "en":
                text = f"How to scale up — {su.name.en}: {su.summary.en}.\n{su.description.en}"
            else:
                text = f"スケールアップの方法 — {su.name.ja}：{su.summary.ja}\n{su.description.ja}"
            text += _SCALE_NOTE.get(su.id, {}).get(lang, "")
            chunks.append(
                _fw_chunk(f"scaleup-{su.id}", lang, su.name.get(lang), "how", text, su.provenance)
            )
    return chunks


def _short(text: str, limit: int = 60) -> str:
    """A menu line's text as a title: lines of one type share a type name, so the title must
    carry the line itself to tell citations apart."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _fw_chunk(
    base: str,
    lang: str,
    title: str,
    section: str,
    text: str,
    provenance: str,
    elements: tuple[str, ...] = (),
    coop: tuple[str, ...] = (),
) -> Chunk:
    return Chunk(
        id=f"{base}.{lang}",
        text=text,
        title=title,
        section=section,
        lang=lang,
        provenance=provenance,
        source="framework",
        element_ids=elements,
        cooperation_ids=coop,
    )
