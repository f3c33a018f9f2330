"""What every page carries: the Dutch document language, the contrast and reflow fixes on Streamlit's
own widgets, print colours that ignore the theme, and a footer with the theme switch and the link to
the accessibility statement."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

_HERE = Path(__file__).resolve().parent
_theme_switch = st.components.v2.component(
    "ltv_theme_switch",
    html=(_HERE / "theme.html").read_text(encoding="utf-8"),
    css=(_HERE / "theme.css").read_text(encoding="utf-8"),
    js=(_HERE / "theme.js").read_text(encoding="utf-8"),
    isolate_styles=True,
)
PAGE_CSS = (_HERE / "page.css").read_text(encoding="utf-8")


def page_styles() -> None:
    """The app-wide CSS (see page.css), before the page's own content."""
    st.html(f"<style>{PAGE_CSS}</style>")


def page_footer(url_paths: list[str]) -> None:
    """The footer under every page: the theme switch (kept per browser) and the accessibility statement."""
    from components.navigation import page_link

    base = "/" + str(st.get_option("server.baseUrlPath") or "").strip("/")
    paths = sorted({(base.rstrip("/") + "/" + p) if p else base for p in url_paths} | {base})
    st.divider()
    with st.container(horizontal=True, vertical_alignment="center", gap="large", key="ltv-footer"):
        _theme_switch(key="ltv-theme", data={"paths": paths}, height="content", width="content")
        page_link("toegankelijkheid", "Toegankelijkheid", icon=":material/accessibility_new:")
        page_link("over", "Over deze verkenner", icon=":material/info:")
