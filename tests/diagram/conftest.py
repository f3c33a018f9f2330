"""The diagram component's test app in a real Streamlit server (browser fixtures in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import StreamlitServer

APP = Path(__file__).resolve().parent / "diagram_app.py"


@pytest.fixture(scope="session")
def diagram_server(chromium_path: str) -> Iterator[StreamlitServer]:
    server = StreamlitServer(APP)
    yield server
    server.stop()
