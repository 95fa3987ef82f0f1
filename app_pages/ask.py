"""The ask page (rendered by `assistant.web.ask_page`)."""

from assistant.web.ask_page import render

render()
