"""Every page and state the accessibility tests visit: a URL and what a user does there before the check."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from playwright.sync_api import Page

from tests.a11y.conftest import settle

PROCESS = "vertrektermijn"
STEP = "vertrekgesprek"


def _nothing(page: Page) -> None:
    return None


def _select_step(page: Page) -> None:
    page.locator(f'g.node[id="{STEP}"]').first.wait_for()


def _diagram(page: Page) -> None:
    page.locator("g.node").first.wait_for()


def _submit_quiz(page: Page) -> None:
    page.get_by_role("button", name="Nakijken").click()
    settle(page)
    page.get_by_text("Score:").first.wait_for()


def _reveal(page: Page) -> None:
    page.get_by_role("button", name="Onthul").click()
    settle(page)
    page.locator("g.node").first.wait_for()


def _matrix_cell(page: Page) -> None:
    page.get_by_text("overdracht").first.wait_for()


def _start_live(page: Page) -> None:
    page.get_by_role("button", name="Live sessie starten").click()
    settle(page)
    page.get_by_text(re.compile(r"meedoen\?code=")).first.wait_for()


def _join_live(page: Page) -> None:
    """Start a live quiz as the trainer, then join it as a participant on the same server."""
    _start_live(page)
    code = re.search(r"meedoen\?code=([A-Z0-9]+)", page.locator("body").inner_text())
    assert code, "no join address on the trainer's screen"
    base = urlsplit(page.url)
    page.goto(f"{base.scheme}://{base.netloc}/meedoen?code={code.group(1)}")
    settle(page)
    page.get_by_role("button", name="Meedoen").click()
    settle(page)


@dataclass(frozen=True)
class State:
    name: str
    path: str
    prepare: Callable[[Page], None] = _nothing


STATES = [
    State("overzicht", "/", _diagram),
    State("proces-kiezen", "/proces"),
    State("proces", f"/proces?proces={PROCESS}", _diagram),
    State("proces-stap", f"/proces?proces={PROCESS}&stap={STEP}", _select_step),
    State("proces-filter", f"/proces?proces={PROCESS}&org=coa,dtv&doelgroep=amv", _diagram),
    State("proces-filterlijst", f"/proces?proces={PROCESS}&org=coa", _diagram),
    State("proces-tekst", f"/proces?proces={PROCESS}&weergave=tekst"),
    State("organisaties", "/organisaties"),
    State("organisatie", "/organisaties?org=coa"),
    State("koppelvlakken", "/koppelvlakken"),
    State("koppelvlakken-lijst", "/koppelvlakken?van=coa&naar=dtv", _matrix_cell),
    State("catalogi", "/catalogi"),
    State("zoeken", "/zoeken?q=vertrek"),
    State("training", "/training"),
    State("training-presentatie", "/training?scenario=gezin-afgewezen-aa&nr=2&presentatie=1", _reveal),
    State("quiz", "/quiz?seed=7&aantal=5"),
    State("quiz-nakijken", "/quiz?seed=7&aantal=5", _submit_quiz),
    State("quiz-live", "/quiz?seed=7&aantal=3", _start_live),
    State("meedoen", "/meedoen"),
    State("meedoen-vraag", "/quiz?seed=7&aantal=3", _join_live),
    State("wijzigingen", "/wijzigingen"),
    State("bpmn-import", "/bpmn-import"),
    State("over", "/over"),
    State("toegankelijkheid", "/toegankelijkheid"),
]
