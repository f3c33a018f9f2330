"""Where the pages live and how to move between them with the state in the URL."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

PROCES_URL = "proces"


VIEWS = Path(__file__).resolve().parent.parent / "views"


@dataclass(frozen=True)
class PageSpec:
    script: str
    title: str
    url_path: str
    icon: str
    default: bool = False
    hidden: bool = False  # reachable by its URL, not listed in the navigation

    @property
    def url(self) -> str:
        return "/" if self.default else f"/{self.url_path}"

    def page(self) -> st.Page:
        return st.Page(
            VIEWS / self.script,
            title=self.title,
            url_path=self.url_path,
            icon=self.icon,
            default=self.default,
            visibility="hidden" if self.hidden else "visible",
        )


_page = PageSpec


def pages() -> dict[str, st.Page]:
    """The app's pages by url path; `app.py` hands them to st.navigation."""
    return {key: spec.page() for key, spec in page_specs().items()}


def page_specs() -> dict[str, PageSpec]:
    """Every page by url path. Each page is a two-line script in views/ that calls its module in
    components/pages/ (file pages keep AppTest simple); the README's page table lists them all."""
    return {
        "": _page("overzicht.py", "Overzicht", "overzicht", ":material/explore:", default=True),
        PROCES_URL: _page("proces.py", "Proces", PROCES_URL, ":material/account_tree:"),
        "organisaties": _page("organisaties.py", "Organisaties", "organisaties", ":material/apartment:"),
        "koppelvlakken": _page("koppelvlakken.py", "Koppelvlakken", "koppelvlakken", ":material/swap_horiz:"),
        "catalogi": _page("catalogi.py", "Catalogi", "catalogi", ":material/menu_book:"),
        "zoeken": _page("zoeken.py", "Zoeken", "zoeken", ":material/search:"),
        "training": _page("training.py", "Training", "training", ":material/school:"),
        "quiz": _page("quiz.py", "Quiz", "quiz", ":material/quiz:"),
        "wijzigingen": _page("wijzigingen.py", "Wijzigingen", "wijzigingen", ":material/difference:"),
        "bpmn-import": _page("bpmn_import.py", "BPMN importeren", "bpmn-import", ":material/upload_file:"),
        "over": _page("over.py", "Over", "over", ":material/info:"),
        "toegankelijkheid": _page(
            "toegankelijkheid.py", "Toegankelijkheid", "toegankelijkheid", ":material/accessibility_new:"
        ),
        # Participants of a live room come here by the code's URL or QR code; not a page to browse to.
        "meedoen": _page("meedoen.py", "Meedoen", "meedoen", ":material/how_to_vote:", hidden=True),
    }


APP_TITLE = "LTV Procesverkenner"


def tab_title(*parts: str) -> None:
    """The browser tab's title: what the page shows first, the app's name last."""
    st.set_page_config(page_title=" · ".join([*(p for p in parts if p), APP_TITLE]))


def open_process(process_id: str, step: str | None = None) -> None:
    """Switch to the Proces page showing `process_id` (and `step`), as a link would."""
    params = {"proces": process_id}
    if step:
        params["stap"] = step
    st.switch_page(pages()[PROCES_URL], query_params=params)


def query_param(name: str) -> str | None:
    value = st.query_params.get(name)
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def step_link(label: str, step_ref: str) -> None:
    """A link that opens a step in its process diagram (client-side, keeps the session)."""
    process_id, _, step = step_ref.partition("/")
    params = {"proces": process_id}
    if step:
        params["stap"] = step
    st.page_link(pages()[PROCES_URL], label=label, query_params=params, icon=":material/arrow_forward:")


def page_link(url_path: str, label: str, icon: str | None = None, **params: str) -> None:
    st.page_link(pages()[url_path], label=label, query_params=params or None, icon=icon)
