"""The framework for `assistant framework`: readable text or the JSON contract."""

from __future__ import annotations

from assistant.catalogue import t
from assistant.models import Framework, Lang


def framework_json(fw: Framework) -> dict[str, object]:
    """The `--json` contract: {"domains": [...], "elements": [{id, domain, name, question,
    rubric: [{level, en, ja, evidence}], ...}], plus stages, city types, scale-up, cooperation}."""
    elements = []
    for e in fw.elements:
        elements.append(
            {
                "id": e.id,
                "domain": e.domain,
                "name": e.name.model_dump(),
                "name_provenance": e.name_provenance,
                "short": e.short.model_dump(),
                "desired_state": e.desired_state.model_dump(),
                "desired_state_provenance": e.desired_state_provenance,
                "question": e.question.model_dump(),
                "probes": [p.model_dump() for p in e.probes],
                "rubric": [
                    {"level": r.level, **r.text.model_dump(), "evidence": r.evidence.model_dump()}
                    for r in e.rubric
                ],
            }
        )
    return {
        "title": fw.title.model_dump(),
        "rubric_note": fw.rubric_note.model_dump(),
        "domains": [
            {
                "id": d.id,
                "name": d.name.model_dump(),
                "elements": [e.id for e in fw.domain_elements(d.id)],
            }
            for d in fw.domains
        ],
        "elements": elements,
        "stages": [s.model_dump() for s in fw.stages],
        "city_types": [c.model_dump() for c in fw.city_types],
        "scale_up": [s.model_dump() for s in fw.scale_up],
        "cooperation_types": [t.model_dump() for t in fw.cooperation_types],
        "cooperation": [c.model_dump() for c in fw.cooperation],
        "assets": [a.model_dump() for a in fw.assets],
    }


def framework_text(fw: Framework, lang: Lang) -> str:
    """Domains, elements, questions and rubric as plain text in one language."""
    out: list[str] = [fw.title.get(lang), "=" * 40, "", fw.rubric_note.get(lang), ""]
    for d in fw.domains:
        out.append(f"## {d.name.get(lang)} ({d.id})")
        for e in fw.domain_elements(d.id):
            flag = f" {t('report.fw_reading', lang)}" if e.name_provenance == "reading" else ""
            out.append(f"\n{e.id} {e.name.get(lang)}{flag}")
            out.append(f"  {t('report.fw_desired', lang)}: {e.desired_state.get(lang)}")
            out.append(f"  {t('report.fw_question', lang)}: {e.question.get(lang)}")
            for p in e.probes:
                out.append(f"  {t('report.fw_probes', lang)}: {p.get(lang)}")
            for r in e.rubric:
                out.append(f"    {t('terms.level', lang)} {r.level}: {r.text.get(lang)}")
        out.append("")
    return "\n".join(out) + "\n"
