"""The app itself in a real Streamlit server, for the browser tests (fixtures in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, StreamlitServer


def start_app(content: Path | None = None, theme: str | None = None) -> StreamlitServer:
    env = {"LTV_CONTENT": str(content)} if content is not None else {}
    args = (f"--theme.base={theme}",) if theme else ()
    return StreamlitServer(ROOT / "app.py", env=env, args=args)


@pytest.fixture(scope="session")
def app_server(chromium_path: str) -> Iterator[StreamlitServer]:
    server = start_app()
    yield server
    server.stop()


@pytest.fixture
def server_factory(chromium_path: str) -> Iterator[Callable[..., StreamlitServer]]:
    started: list[StreamlitServer] = []

    def start(**kwargs) -> StreamlitServer:
        server = start_app(**kwargs)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
