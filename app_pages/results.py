"""The results page (rendered by `assistant.web.results_page`)."""

from assistant.web.results_page import render

render()
