"""Safe text for Streamlit markdown: content never becomes markup, links or formulas."""

from __future__ import annotations

import re
from urllib.parse import quote

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~$:])")


def md(text: str | None) -> str:
    """Escape everything markdown (and Streamlit's :color[] / $math$) could interpret."""
    return _SPECIAL.sub(r"\\\1", text or "")


def md_link(label: str, url: str) -> str:
    """A markdown link to an http(s) URL; anything else is shown as plain text."""
    if not re.match(r"^https?://[^\s<>()]+$", url):
        return md(label)
    return f"[{md(label)}]({url.replace(')', '%29')})"


def mailto(address: str, subject: str, body: str = "") -> str:
    query = f"subject={quote(subject)}" + (f"&body={quote(body)}" if body else "")
    return f"mailto:{address}?{query}"
