"""The "Wijziging doorgeven" mail: the editorial board gets the process and step id, the content
version the reader saw and a link back to exactly that view."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from components.cache import content_stamp
from components.navigation import PROCES_URL, pages
from components.text import mailto
from leidraad.model import Node, Process

FEEDBACK_ADDRESS = "redactieraadltv@dtv.minvenj.nl"
# The view settings of the Proces page that a link should carry over.
VIEW_PARAMS = ("org", "doelgroep", "weergave")


def view_link(process: Process, node: Node) -> str:
    """An absolute link to this step as shown (filter and view included), when the browser told us the
    app's address; otherwise the path, which the board can append to the app's address."""
    params = {"proces": process.id, "stap": node.id}
    for name in VIEW_PARAMS:
        value = st.query_params.get(name)
        if value:
            params[name] = str(value)
    root = (st.context.url or "").rstrip("/")
    head, _, last = root.rpartition("/")
    if last and last in {page.url_path for page in pages().values()}:  # the address of the page, not the app
        root = head
    return f"{root}/{PROCES_URL}?{urlencode(params)}"


def feedback_mail(process: Process, node: Node) -> str:
    subject = f"LTV Procesverkenner: {process.title} / {node.label} ({process.id}/{node.id})"
    body = (
        f"Proces: {process.title} ({process.id})\n"
        f"Stap: {node.label} ({node.id})\n"
        f"Inhoudsversie: {content_stamp()}\n"
        f"Weergave: {view_link(process, node)}\n\n"
        "Wat klopt er niet, of wat is er veranderd? Noem zo mogelijk de bron.\n\n"
    )
    return mailto(FEEDBACK_ADDRESS, subject, body)
