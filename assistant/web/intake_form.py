"""The Interview page's first step: a short city-profile form (and optional documents) that
starts a session; the chat then begins at the first element."""

from __future__ import annotations

from typing import Any

import streamlit as st
from pydantic import ValidationError

from assistant.catalogue import t
from assistant.interview.engine import InterviewEngine
from assistant.interview.intake import parse_list
from assistant.interview.state import DocumentPassage, Proposal, Reply
from assistant.models import CITY_TYPES, CityProfile, Framework, Lang
from assistant.web import prefill_start, resources, state, transcript
from assistant.web.text import inert


def _form_list(text: str) -> list[str] | None:
    """A comma list from the form (empty is fine); None when it breaks the profile's limits."""
    if not text.strip():
        return []
    items = parse_list(text)
    return items if isinstance(items, list) else None


def profile_from_form(values: dict[str, Any], lang: Lang) -> tuple[CityProfile | None, list[str]]:
    """The validated city profile from the form's values, or the problems in ``lang``.

    The values go straight into ``CityProfile`` (no text is ever read as a chat command).
    """
    name = str(values["name"]).strip()
    if not name:
        return None, [t("ui.name_required", lang)]
    errors: list[str] = []
    lists: dict[str, list[str]] = {}
    for field, field_key in (("focus_sectors", "ui.focus_sectors"), ("focus_areas", "ui.focus_areas")):
        items = _form_list(str(values[field] or ""))
        if items is None:
            errors.append(t("ui.list_invalid", lang, field=t(field_key, lang)))
        else:
            lists[field] = items
    if errors:
        return None, errors
    population = values["population"]
    try:
        profile = CityProfile(
            name=name,
            country=str(values["country"] or "").strip(),
            city_type=values["city_type"],
            lead_actor=values["lead_actor"],
            population=None if population is None else int(population),
            language=lang,
            **lists,
        )
    except ValidationError as exc:
        labels = {"name": "ui.city_name", "country": "terms.country", "city_type": "terms.city_type",
                  "lead_actor": "ui.lead_actor", "population": "ui.population"}  # fmt: skip
        fields = {str(e["loc"][0]) for e in exc.errors() if e.get("loc")}
        names = ", ".join(sorted(t(labels[f], lang) if f in labels else f for f in fields))
        return None, [t("ui.profile_invalid", lang, field=names)]
    return profile, []


def start_interview(
    engine: InterviewEngine,
    profile: CityProfile,
    lang: Lang,
    drafts: dict[str, Proposal] | None = None,
    disputed: dict[str, list[DocumentPassage]] | None = None,
) -> Reply:
    """A new session with the form's profile saved; the chat starts at the first element."""
    code, reply = engine.start(lang, profile, drafts=drafts, disputed=disputed)
    state.set_code(code)
    transcript.begin(reply)
    return reply


def intake_form(engine: InterviewEngine, fw: Framework, lang: Lang) -> None:
    st.subheader(t("ui.intake_title", lang))
    st.caption(t("ui.intake_intro", lang))
    prefill_start.uploader(lang)
    with st.form("intake", border=True):
        c1, c2 = st.columns(2)
        name = c1.text_input(t("ui.city_name", lang), max_chars=200, key="in-name")
        country = c2.text_input(t("terms.country", lang), max_chars=200, key="in-country")
        # Nothing chosen for the person: "not sure / choose later" first, and the default (a
        # pre-selected metropolis gave metropolis advice to whoever skipped the field).
        city_type = st.selectbox(
            t("terms.city_type", lang),
            (None, *CITY_TYPES),
            format_func=lambda c: t("ui.choose_later", lang) if c is None else fw.city_type(c).name.get(lang),
            key="in-type",
        )
        lead = st.radio(
            t("ui.lead_actor", lang),
            (None, "municipal", "national", "private"),
            format_func=lambda a: t("ui.choose_later", lang) if a is None else t(f"terms.lead_actors.{a}", lang),
            horizontal=True,
            key="in-lead",
        )
        population = st.number_input(
            t("ui.population", lang), min_value=0, max_value=100_000_000, value=None, step=1000,
            key="in-pop",
        )  # fmt: skip
        c3, c4 = st.columns(2)
        sectors = c3.text_input(t("ui.focus_sectors", lang), max_chars=400, key="in-sectors")
        areas = c4.text_input(t("ui.focus_areas", lang), max_chars=400, key="in-areas")
        submitted = st.form_submit_button(
            t("ui.start", lang), type="primary", icon=":material/play_arrow:"
        )
    if submitted:
        values = {
            "name": name, "country": country, "city_type": city_type, "lead_actor": lead,
            "population": population, "focus_sectors": sectors, "focus_areas": areas,
        }  # fmt: skip
        profile, errors = profile_from_form(values, lang)
        if profile is None:
            for error in errors:
                st.error(inert(error), icon=":material/error:")
            return
        found, disputed = prefill_start.drafts(resources.current_settings(), fw, lang) or ({}, {})
        start_interview(engine, profile, lang, found, disputed)
        st.rerun()
