"""Results and knowledge over HTTP: the assessment, the report (Markdown, HTML, PDF), scoring an
answers file, and questions to the knowledge base."""

import json
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Body, Depends, Query, Response

from assistant.api import problems
from assistant.api.context import ApiContext
from assistant.api.problems import ApiProblem
from assistant.api.schemas import AskRequest, Health, ReportFormat
from assistant.knowledge.answer import AnswerResult
from assistant.models import AnswersFile, Lang
from assistant.scoring import assess
from assistant.scoring.result import Assessment

REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def results_routes(ctx: ApiContext) -> APIRouter:
    """The routes of results, reports, scoring and Ask, over ``ctx``'s collaborators."""
    router = APIRouter()
    fw = ctx.fw
    Code = Annotated[str, Depends(ctx.session_code)]

    @router.get("/v1/health", response_model=Health, tags=["service"])
    def health() -> Health:
        return Health()

    @router.get("/v1/sessions/{code}/assessment", response_model=Assessment, tags=["results"])
    def assessment(code: Code, lang: Lang | None = None) -> Response:
        """The profile from the confirmed answers: the ``assistant score --json`` result."""
        answers = ctx.answers_of(code)
        result = assess(fw, answers, ctx.lang_of(code, lang))
        return json_response(result.model_dump(mode="json"))

    @router.get(
        "/v1/sessions/{code}/report",
        tags=["results"],
        responses={200: {"content": {"text/markdown": {}, "text/html": {}, "application/pdf": {}}}},
    )
    def report(
        code: Code, format: Annotated[ReportFormat, Query()] = "md", lang: Lang | None = None
    ) -> Response:
        """The assessment report as Markdown, HTML (printable) or PDF (A4, fonts embedded)."""
        from assistant.report.document import report_html, report_markdown

        answers = ctx.answers_of(code)
        result = assess(fw, answers, ctx.lang_of(code, lang))
        generated = datetime.now(UTC)
        if format == "md":
            text = report_markdown(fw, answers, result, generated)
            return Response(text, media_type="text/markdown; charset=utf-8")
        html = report_html(fw, answers, result, generated)
        if format == "html":
            return Response(html, media_type="text/html; charset=utf-8",
                            headers={"Content-Security-Policy": REPORT_CSP})  # fmt: skip
        return Response(pdf_bytes(html), media_type="application/pdf",
                        headers={"Content-Disposition": 'inline; filename="assessment.pdf"'})  # fmt: skip

    @router.post("/v1/ask", response_model=AnswerResult, tags=["knowledge"])
    def ask(body: AskRequest) -> Response:
        """A question to the knowledge base: the ``assistant ask --json`` result."""
        try:
            result = ctx.collab.ask(body.question, body.lang, body.k)
        except (OSError, RuntimeError, ValueError) as exc:
            problems.log.error("knowledge base failed: %s", type(exc).__name__, exc_info=exc)
            raise ApiProblem("knowledge-unavailable") from exc
        return json_response(result.model_dump(mode="json"))

    @router.post("/v1/score", response_model=Assessment, tags=["results"])
    def score(
        answers: Annotated[AnswersFile, Body(description="An answers file (schema_version 1)")],
        lang: Lang | None = None,
    ) -> Response:
        """Score an answers file: the ``assistant score --json`` result."""
        return json_response(assess(fw, answers, lang).model_dump(mode="json"))

    return router


def pdf_bytes(html: str) -> bytes:
    """The report's HTML as PDF (WeasyPrint, as ``assistant report --format pdf``); a renderer
    that cannot run here (no Pango) is a 501 with the formats that work."""
    try:
        from assistant.report.pdf import html_to_pdf

        return html_to_pdf(html)
    except (ImportError, OSError) as exc:
        problems.log.error("PDF renderer unavailable: %s", type(exc).__name__, exc_info=exc)
        raise ApiProblem("format-not-available", "use format=md or format=html") from exc


def json_response(data: object) -> Response:
    """JSON as UTF-8 with Japanese kept readable (not \\u-escaped)."""
    body = json.dumps(data, ensure_ascii=False, allow_nan=False).encode("utf-8")
    return Response(body, media_type="application/json")
