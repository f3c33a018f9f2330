"""The README's page table and command list match the registered pages and CLI commands."""

from __future__ import annotations

import argparse
import re

from leidraad.cli.main import build_parser
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = README.index(f"## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else None]


def cli_commands(parser: argparse.ArgumentParser | None = None, prefix: str = "") -> set[str]:
    """Every runnable command: 'check', 'export svg', 'import bpmn', ..."""
    parser = parser or build_parser()
    found: set[str] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                inner = cli_commands(sub, f"{prefix}{name} ")
                found |= inner or {f"{prefix}{name}"}
    return found


def readme_commands() -> set[str]:
    """The commands the README's list names: '- `export svg|png|pdf PROCESS …`' counts as three."""
    found: set[str] = set()
    for line in _section("Command line").splitlines():
        match = re.match(r"- `([a-z][a-z-]*)(?: ([a-z|]+))?(?=[ `])", line)
        if not match:
            continue
        command, subs = match.groups()
        sub_parsers = {c.split()[1] for c in cli_commands() if c.startswith(command + " ")}
        if subs and sub_parsers:
            found |= {f"{command} {s}" for s in subs.split("|")}
        else:
            found.add(command)
    return found


def test_readme_lists_every_cli_command_and_no_other() -> None:
    commands = cli_commands()
    assert {"check", "export svg", "import bpmn"} <= commands
    assert readme_commands() == commands


def registered_pages() -> set[str]:
    from components.navigation import page_specs

    return {spec.url for spec in page_specs().values()}


def readme_pages() -> set[str]:
    return set(re.findall(r"^\| [^|]+ \| `(/[a-z-]*)", _section("The app"), flags=re.M))


def test_readme_page_table_matches_the_registered_pages() -> None:
    assert len(registered_pages()) >= 10
    assert readme_pages() == registered_pages()
