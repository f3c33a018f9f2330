"""Streamlit UI pieces. Everything here may import streamlit; the core (`leidraad/`) never does."""
