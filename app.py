"""Entry point of the LTV Procesverkenner: page config and navigation; nothing else."""

import streamlit as st

from components.pages import overzicht

st.set_page_config(page_title="LTV Procesverkenner", page_icon="🧭", layout="wide")
st.navigation([st.Page(overzicht.render, title="Overzicht", url_path="overzicht", default=True)]).run()
