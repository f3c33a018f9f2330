"""`leidraad diff | review | review-status | changelog`: versions of the content and the review cycle."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from leidraad.content.load import load_folder
from leidraad.versions.changelog import changelog
from leidraad.versions.diff import diff_models
from leidraad.versions.git_source import VersionError, find_repository, git_available, load_spec
from leidraad.versions.report import format_markdown, format_text
from leidraad.versions.review import ReviewError, parse_date, stamp_file
from leidraad.versions.status import format_status, review_status


def add_parsers(sub: argparse._SubParsersAction, default_content: str) -> None:
    d = sub.add_parser("diff", help="what changed between two versions (folders or git revisions)")
    d.add_argument("old", metavar="OLD", help="a content folder or a git revision (tag, branch, commit)")
    d.add_argument("new", metavar="NEW", help="a content folder or a git revision ('werkmap': the files on disk)")
    fmt = d.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="JSON (docs/diff.md)")
    fmt.add_argument("--markdown", action="store_true", help="markdown for a changelog")
    d.add_argument("--content", default=default_content, help="the content folder whose git history is read")

    r = sub.add_parser("review", help="stamp the date of the editorial board's review into a process file")
    r.add_argument("process", metavar="PROCESS")
    r.add_argument("--date", help="YYYY-MM-DD (default: today)")
    r.add_argument("--content", default=default_content)

    s = sub.add_parser("review-status", help="each process with its last review and the changes since")
    s.add_argument("--json", action="store_true")
    s.add_argument("--content", default=default_content)

    c = sub.add_parser("changelog", help="the content diff per quarter, as markdown")
    c.add_argument("--since", metavar="REV", help="start at this revision (default: the first tag or review)")
    c.add_argument("--content", default=default_content)
    c.add_argument("-o", "--output", help="file to write (default: standard output)")


def _fail(message: str, code: int = 2) -> int:
    print(f"leidraad: {message}", file=sys.stderr)
    return code


def run(args: argparse.Namespace) -> int:
    try:
        if args.command == "diff":
            return _diff(args)
        if args.command == "review":
            return _review(args)
        if args.command == "review-status":
            return _status(args)
        return _changelog(args)
    except (VersionError, ReviewError) as exc:
        return _fail(str(exc))


def _diff(args: argparse.Namespace) -> int:
    old, old_label = load_spec(args.old, args.content)
    new, new_label = load_spec(args.new, args.content)
    for result, label in ((old, old_label), (new, new_label)):
        errors = sum(p.is_error for p in result.problems)
        if errors:
            print(
                f"leidraad: let op, versie {label} heeft {errors} fout(en); wat leesbaar is, is vergeleken",
                file=sys.stderr,
            )
    diff = diff_models(old.model, new.model, old_label, new_label)
    if args.json:
        print(json.dumps(diff, indent=2, ensure_ascii=False))
    elif args.markdown:
        print(format_markdown(diff, old.model, new.model), end="")
    else:
        print(format_text(diff, old.model, new.model), end="")
    return 0


def _review(args: argparse.Namespace) -> int:
    date = args.date or dt.date.today().isoformat()
    parse_date(date)
    if not Path(args.content).is_dir():
        return _fail(f"inhoudsmap '{args.content}' bestaat niet")
    model = load_folder(args.content).model
    process = model.processes.get(args.process)
    if process is None:
        known = ", ".join(sorted(model.processes)) or "geen"
        return _fail(f"onbekend proces '{args.process}' (bekend: {known})")
    previous = stamp_file(process.place.file, date)
    print(
        f"{process.place.file}: reviewed: {previous or 'null'} → {date}. "
        "Commit het bestand om de review vast te leggen."
    )
    return 0


def _status(args: argparse.Namespace) -> int:
    if not Path(args.content).is_dir():
        return _fail(f"inhoudsmap '{args.content}' bestaat niet")
    model = load_folder(args.content).model
    rows = review_status(model, find_repository(args.content))
    if args.json:
        print(json.dumps([r.as_json() for r in rows], indent=2, ensure_ascii=False))
    else:
        print(format_status(rows), end="")
    return 0


def _changelog(args: argparse.Namespace) -> int:
    repo = find_repository(args.content)
    if repo is None:
        reason = "git is niet geïnstalleerd" if not git_available() else f"'{args.content}' staat niet in git"
        return _fail(f"een changelog per kwartaal leest de versies uit git, maar {reason}")
    text = changelog(repo, args.content, args.since)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        print(text, end="")
    return 0
