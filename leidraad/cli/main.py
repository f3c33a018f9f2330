"""`python -m leidraad …`: check, stats, export. Exit 0 when fine, 1 on content problems, 2 on usage."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from leidraad.checks.folder import check_folder
from leidraad.checks.report import build_report
from leidraad.content.load import LoadResult
from leidraad.drawing.plain_diagram import GraphvizMissing, plain_svg
from leidraad.exports.model_json import model_to_dict
from leidraad.exports.registry import ExportOptions, export_process_file
from leidraad.queries.stats import format_stats, model_stats

DEFAULT_CONTENT = "processes"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # usage errors exit 2 with a clear line, as argparse does
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="leidraad", description="LTV Procesverkenner: check and export the Leidraad content.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = sub.add_parser("check", help="check the content; one line per problem, causes first")
    check.add_argument("folder", nargs="?", default=DEFAULT_CONTENT)
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument(
        "--all", action="store_true", help="also list the problems that only follow from a file that did not load"
    )

    stats = sub.add_parser("stats", help="counts of processes, nodes, handovers, ...")
    stats.add_argument("--content", default=DEFAULT_CONTENT)
    stats.add_argument("--json", action="store_true")

    export = sub.add_parser("export", help="export the model")
    export_sub = export.add_subparsers(dest="format", required=True, parser_class=_Parser)
    ej = export_sub.add_parser("json", help="the whole resolved model as one JSON document")
    ej.add_argument("-o", "--output", help="file to write (default: standard output)")
    ej.add_argument("--content", default=DEFAULT_CONTENT)
    for fmt in ("svg", "png", "pdf"):
        ex = export_sub.add_parser(fmt, help=f"the swimlane diagram of one process as {fmt.upper()} (print colours)")
        ex.add_argument("process")
        ex.add_argument("-o", "--output", required=True)
        ex.add_argument("--content", default=DEFAULT_CONTENT)
        ex.add_argument("--select", help="step id to highlight")
        ex.add_argument("--fade", default="", help="comma-separated organisation ids to fade")
        _direction_argument(ex)
        if fmt == "svg":
            ex.add_argument("--plain", action="store_true", help="a plain Graphviz drawing for content authors")
    eg = export_sub.add_parser("geometry", help="the laid-out drawing of one process as JSON (docs/layout.md)")
    eg.add_argument("process")
    eg.add_argument("-o", "--output", required=True)
    eg.add_argument("--content", default=DEFAULT_CONTENT)
    _direction_argument(eg)

    eb = export_sub.add_parser("bpmn", help="BPMN 2.0 XML, one .bpmn file per process (default: every process)")
    eb.add_argument("processes", nargs="*", metavar="PROCESS")
    eb.add_argument("-o", "--output", required=True, help="folder to write the .bpmn files into")
    eb.add_argument("--content", default=DEFAULT_CONTENT)
    _direction_argument(eb)
    ec = export_sub.add_parser("csv", help="a table as CSV for Excel (UTF-8 with BOM, ';'-separated)")
    ec.add_argument("table", choices=("steps", "raci", "handovers", "organisations"))
    ec.add_argument("--process", help="only this process (default: the whole chain)")
    ec.add_argument("-o", "--output", required=True)
    ec.add_argument("--content", default=DEFAULT_CONTENT)
    eh = export_sub.add_parser("handout", help="an A3-landscape PDF handout: the diagram and the step table")
    eh.add_argument("process")
    eh.add_argument("-o", "--output", required=True)
    eh.add_argument("--content", default=DEFAULT_CONTENT)
    _direction_argument(eh)

    imp = sub.add_parser("import", help="import models from other tools")
    imp_sub = imp.add_subparsers(dest="format", required=True, parser_class=_Parser)
    ib = imp_sub.add_parser("bpmn", help="BPMN 2.0 XML -> process files and an organisations file")
    ib.add_argument("files", nargs="+", metavar="FILE")
    ib.add_argument("-o", "--output", required=True, help="folder to write the YAML files into")
    ib.add_argument("--force", action="store_true", help="overwrite files that already exist")

    from leidraad.cli.versions import add_parsers

    add_parsers(sub, DEFAULT_CONTENT)

    bench = sub.add_parser("bench", help="performance figures (load, check, layout, render)")
    bench.add_argument("--content", default=DEFAULT_CONTENT)
    bench.add_argument("--repeat", type=int, default=5)
    bench.add_argument("--layout", action="store_true", help="layout quality per process and the synthetic series")
    bench.add_argument("--json", action="store_true", help="with --layout: the figures as JSON")
    return parser


def _direction_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--direction",
        choices=("horizontal", "vertical"),
        default="horizontal",
        help="horizontal: lanes are rows, time runs right (default); vertical: lanes are columns, time runs down",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "check":
        return _check(args.folder, args.strict, args.all)
    if args.command == "stats":
        return _stats(args.content, args.json)
    if args.command == "export":
        if args.format in ("bpmn", "csv", "handout"):
            from leidraad.cli.exchange import export_exchange

            return export_exchange(args)
        return _export(args)
    if args.command == "import":
        from leidraad.cli.exchange import import_bpmn_command

        return import_bpmn_command(args)
    if args.command in ("diff", "review", "review-status", "changelog"):
        from leidraad.cli.versions import run

        return run(args)
    if args.command == "bench":
        if args.layout:
            from leidraad.cli.layout_bench import run_layout_bench

            print(run_layout_bench(args.content, as_json=args.json))
            return 0
        from leidraad.cli.bench import run_bench

        print(run_bench(args.content, max(1, args.repeat)))
        return 0
    return 2


def _content_or_fail(folder: str) -> LoadResult | None:
    if not Path(folder).exists():
        print(f"leidraad: de map '{folder}' met de inhoud bestaat niet", file=sys.stderr)
        return None
    return check_folder(folder)


def _check(folder: str, strict: bool, show_all: bool = False) -> int:
    """Causes first, then each file's own problems, then one line per cause for what follows from it."""
    started = time.perf_counter()
    result = _content_or_fail(folder)
    if result is None:
        return 2
    report = build_report(result)
    for problem in report.shown():
        print(problem.format())
    for group in report.follow_ons:
        print(group.summary() + ("" if show_all else " (--all toont ze)"))
        if show_all:
            for problem in group.problems:
                print("  " + problem.format())
    elapsed = time.perf_counter() - started
    causes = len(report.follow_ons)
    folded = f"; {report.folded} daarvan volgen uit {causes} {'oorzaak' if causes == 1 else 'oorzaken'}"
    folded = folded if report.folded else ""
    print(
        f"{len(result.files)} bestanden, {len(result.model.processes)} processen gecontroleerd in {elapsed:.2f} s: "
        f"{report.errors} fout(en), {report.warnings} waarschuwing(en){folded}"
    )
    return 1 if report.errors or (strict and report.warnings) else 0


def _stats(folder: str, as_json: bool) -> int:
    result = _content_or_fail(folder)
    if result is None:
        return 2
    stats = model_stats(result.model)
    print(json.dumps(stats, indent=2, ensure_ascii=False) if as_json else format_stats(stats))
    return 0


def _export(args: argparse.Namespace) -> int:
    result = _content_or_fail(args.content)
    if result is None:
        return 2
    if args.format == "json":
        text = json.dumps(model_to_dict(result.model), indent=2, ensure_ascii=False)
        if args.output:
            Path(args.output).write_text(text + "\n", encoding="utf-8")
        else:
            print(text)
        return 0
    process = result.model.processes.get(args.process)
    if process is None:
        known = ", ".join(sorted(result.model.processes)) or "none"
        print(f"leidraad: unknown process '{args.process}' (known: {known})", file=sys.stderr)
        return 2
    try:
        if args.format == "geometry":
            from leidraad.drawing.layout import layout_process
            from leidraad.exports.geometry_json import geometry_to_dict

            laid_out = geometry_to_dict(layout_process(result.model, process, args.direction))
            Path(args.output).write_text(json.dumps(laid_out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
            return 0
        if args.format == "svg" and args.plain:
            Path(args.output).write_text(plain_svg(result.model, process), encoding="utf-8")
            return 0
        faded = tuple(f"org-{org.strip()}" for org in args.fade.split(",") if org.strip())
        data = export_process_file(
            result.model, process, args.format, ExportOptions(args.select, faded, direction=args.direction)
        )
    except GraphvizMissing as exc:
        print(f"leidraad: {exc}", file=sys.stderr)
        return 1
    Path(args.output).write_bytes(data)
    return 0
