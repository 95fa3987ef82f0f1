"""The workspace page (rendered by `assistant.web.workspace_page`)."""

from assistant.web.workspace_page import render

render()
