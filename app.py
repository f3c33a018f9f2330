"""Entry point of the LTV Procesverkenner: page config and navigation; nothing else."""

from pathlib import Path

import streamlit as st

from components.chrome import page_footer, page_styles
from components.guard import run_page
from components.navigation import pages, tab_title

# The tab icon is a file of ours: a Material icon as page icon is fetched from Google's font servers,
# which the Content-Security-Policy (and a closed network) rightly refuse.
ICON = Path(__file__).resolve().parent / "components" / "static" / "favicon.png"
st.set_page_config(page_title="LTV Procesverkenner", page_icon=str(ICON), layout="wide")
# Presentation mode (training) hides the navigation; everything else shows it at the top.
presenting = st.query_params.get("presentatie") == "1"
page_styles()
page = st.navigation(list(pages().values()), position="hidden" if presenting else "top")
tab_title(page.title)  # each page its own browser tab title; a page may name what it shows (a process)
# Every page runs inside one wrapper: an unexpected error is a Dutch message, never a crash.
run_page(page)
page_footer(list(pages()))
