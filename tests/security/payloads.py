"""The audit's payloads: each is data that must never act (render, execute, or escape a terminal)."""

from __future__ import annotations

PAYLOADS: dict[str, str] = {
    "html": "<b>bold</b><iframe src=https://evil.example></iframe>",
    "script": "<script>alert(1)</script><img src=x onerror=alert(1)>",
    "md_image": "![x](https://evil.example/pixel.png)",
    "md_link": "[click](https://evil.example)",
    "js_link": "[click](javascript:alert(1)) <javascript:alert(1)>",
    "bare_url": "see https://evil.example/x and www.evil.example and a@evil.example",
    "crlf": "Riverside\r\n# Injected heading\r\n| a | b |",
    "nul": "River\x00side",
    "esc": "\x1b[31mRED\x1b[0m\x1b]0;pwned title\x07\x1b[2J",
    "bidi": "Riverside\u202etxt.exe\u202c\u2066x\u2069",
    "heading": "# heading\n===\n---",
    "streamlit": ":red[alert] :material/warning: $x^2$ :smile:",
    "long": "A" * 1_000_000,
}
