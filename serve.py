"""Production entry point: ``python serve.py`` serves app.py with the production settings, a readiness
endpoint and one-line JSON logs on stdout. ``make run`` keeps the plain ``streamlit run app.py``.

Settings come from the environment (see the README, section Deploy):

- ``LTV_CONTENT``: the content folder (default: the ``processes/`` baked into the checkout or image);
- ``LTV_DATABASE_URL``: the shared database of the live rooms (``postgresql://…``);
- ``LTV_BASE_URL_PATH``: the path the app lives under behind the proxy, e.g. ``ltv`` for ``/ltv/``;
- ``LTV_ADDRESS`` / ``LTV_PORT``: where to listen (default ``0.0.0.0:8501``);
- ``STREAMLIT_SERVER_COOKIE_SECRET``: the same secret on every replica (XSRF tokens and cookies).

The readiness endpoint is ``/healthz`` (and ``/<base>/healthz``): 200 with a JSON body when the content
has loaded and the database answers, 503 otherwise. It is an ``st.App`` route, so it runs in the
same process and sees the same cached content as the pages.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio
import streamlit as st
import streamlit.logger
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from components.health import WARMUP, readiness

HERE = Path(__file__).resolve().parent


def base_url_path() -> str:
    return os.environ.get("LTV_BASE_URL_PATH", "").strip("/")


def production_config() -> dict[str, Any]:
    """The settings a platform needs; the operator's choices come from LTV_* variables."""
    return {
        "server.headless": True,
        "server.address": os.environ.get("LTV_ADDRESS", "0.0.0.0"),
        "server.port": int(os.environ.get("LTV_PORT", "8501")),
        "server.baseUrlPath": base_url_path(),
        "server.fileWatcherType": "none",
        "server.runOnSave": False,
        "server.enableXsrfProtection": True,
        "server.enableCORS": True,
        # The BPMN import page accepts files of at most 5 MB; nothing else uploads.
        "server.maxUploadSize": 5,
        "server.maxMessageSize": 50,
        "browser.gatherUsageStats": False,
        "client.showErrorDetails": "none",
        "client.toolbarMode": "minimal",
        "logger.level": os.environ.get("LTV_LOG_LEVEL", "info"),
    }


class JsonLines(logging.Formatter):
    """One JSON object per line: a platform's collector (Loki, Fluent Bit, ELK) reads it as one event,
    a traceback included."""

    def format(self, record: logging.LogRecord) -> str:
        event: dict[str, Any] = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            "pid": record.process,
        }
        if record.exc_info:
            event["exception"] = self.formatException(record.exc_info)
        return json.dumps(event, ensure_ascii=False)


def _stdout_handler() -> logging.Handler:
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(JsonLines())
    return handler


def _json_console(logger: logging.Logger) -> None:
    """Replaces Streamlit's console handler (stderr, free text) by the JSON-lines one on stdout."""
    old = getattr(logger, "streamlit_console_handler", None)
    if old is not None:
        logger.removeHandler(old)
    logger.streamlit_console_handler = _stdout_handler()  # type: ignore[attr-defined]
    logger.addHandler(logger.streamlit_console_handler)  # type: ignore[attr-defined]


def _not_a_passing_probe(record: logging.LogRecord) -> bool:
    """Leaves out the access lines of health probes that passed (the proxy asks every second)."""
    args = record.args
    if isinstance(args, tuple) and len(args) >= 5:
        path = str(args[2]).split("?")[0]
        return not (path.endswith(("/healthz", "/_stcore/health")) and args[4] == 200)
    return True


def setup_logging() -> None:
    streamlit.logger.setup_formatter = _json_console  # every Streamlit logger, also those made later
    streamlit.logger.update_formatter()
    access = streamlit.logger.get_logger("uvicorn.access")
    if _not_a_passing_probe not in access.filters:
        access.addFilter(_not_a_passing_probe)
    # The content is loaded outside a page run on purpose (see components/health.py).
    streamlit.logger.get_logger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(logging.ERROR)
    ltv = logging.getLogger("ltv")
    ltv.handlers[:] = [_stdout_handler()]
    ltv.setLevel(logging.INFO)
    ltv.propagate = False


async def healthz(request: Request) -> JSONResponse:
    state = await anyio.to_thread.run_sync(readiness)
    return JSONResponse(state.as_json(), status_code=200 if state.ok else 503, headers={"Cache-Control": "no-store"})


def health_routes() -> list[Route]:
    paths = ["/healthz"]
    if base_url_path():
        paths.append(f"/{base_url_path()}/healthz")
    return [Route(path, healthz, methods=["GET", "HEAD"]) for path in paths]


@asynccontextmanager
async def lifespan(_app: st.App) -> AsyncIterator[None]:
    setup_logging()
    config = production_config()
    logging.getLogger("ltv.serve").info(
        "serving on %s:%s/%s", config["server.address"], config["server.port"], config["server.baseUrlPath"]
    )
    WARMUP.start()
    yield


app = st.App(HERE / "app.py", routes=health_routes(), lifespan=lifespan)

if __name__ == "__main__":
    setup_logging()
    app.run(config=production_config())
