"""The interview page (rendered by `assistant.web.interview_page`)."""

from assistant.web.interview_page import render

render()
