"""Entry point of the LTV Procesverkenner: page config and navigation; nothing else."""

import streamlit as st

from components.chrome import page_footer, page_styles
from components.guard import run_page
from components.navigation import pages, tab_title

st.set_page_config(page_title="LTV Procesverkenner", page_icon=":material/explore:", layout="wide")
# Presentation mode (training) hides the navigation; everything else shows it at the top.
presenting = st.query_params.get("presentatie") == "1"
page_styles()
page = st.navigation(list(pages().values()), position="hidden" if presenting else "top")
tab_title(page.title)  # each page its own browser tab title; a page may name what it shows (a process)
# Every page runs inside one wrapper: an unexpected error is a Dutch message, never a crash.
run_page(page)
page_footer(list(pages()))
