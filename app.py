"""Entry point of the LTV Procesverkenner: page config and navigation; nothing else."""

import streamlit as st

from components.navigation import pages

st.set_page_config(page_title="LTV Procesverkenner", page_icon="🧭", layout="wide")
st.navigation(list(pages().values()), position="top").run()
