"""No page ever shows a generic crash: an unexpected error becomes a Dutch message with a way back.

`run_page` wraps every page (app.py calls it instead of `page.run()`); `guarded` does the same for a
fragment, which Streamlit reruns on its own, outside the page. The traceback goes to the server log
only. Streamlit's own control flow (st.rerun, st.switch_page, st.stop) raises BaseException
subclasses, which pass through untouched.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import streamlit as st

from components.navigation import pages

log = logging.getLogger("ltv.app")
P = ParamSpec("P")
R = TypeVar("R")


def run_page(page: st.Page) -> None:
    try:
        page.run()
    except Exception:
        show_failure(f"de pagina “{page.title}”")


def guarded(what: str) -> Callable[[Callable[P, R]], Callable[P, R | None]]:
    """Decorate a part of a page (a fragment) so its failure shows like a page's, where it stands."""

    def decorate(fn: Callable[P, R]) -> Callable[P, R | None]:
        @functools.wraps(fn)
        def run(*args: P.args, **kwargs: P.kwargs) -> R | None:
            try:
                return fn(*args, **kwargs)
            except Exception:
                show_failure(what)
                return None

        return run

    return decorate


def show_failure(what: str) -> None:
    """Call from an `except` block: logs the traceback, shows the user what failed and the way back."""
    log.exception("showing %s failed", what)
    st.error(
        f"Er ging iets mis bij het tonen van {what}. De rest van de Procesverkenner werkt gewoon; "
        "probeer het zo nog eens, of ga terug naar het overzicht.",
        icon="⚠️",
    )
    st.caption(
        "Wat mislukte: " + what + ". De technische details staan in het logboek van de server; "
        "meld het aan de beheerders als het blijft gebeuren."
    )
    st.page_link(pages()[""], label="Terug naar het overzicht", icon=":material/home:")
