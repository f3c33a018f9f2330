"""The exchange commands of the CLI: `export bpmn|csv|handout` and `import bpmn`.

Errors are one line on standard error and an exit code, never a traceback: 2 for usage (an unknown
process), 1 for a file that cannot be imported or a result that does not pass the check.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from leidraad.checks.folder import check_folder
from leidraad.drawing.plain_diagram import GraphvizMissing


def _fail(message: str, code: int = 1) -> int:
    print(f"leidraad: {message}", file=sys.stderr)
    return code


def export_exchange(args: argparse.Namespace) -> int:
    if not Path(args.content).exists():
        return _fail(f"content folder '{args.content}' does not exist", 2)
    model = check_folder(args.content).model
    wanted = list(getattr(args, "processes", None) or [])
    single = getattr(args, "process", None)
    unknown = [p for p in [*wanted, *([single] if single else [])] if p not in model.processes]
    if unknown:
        known = ", ".join(sorted(model.processes)) or "none"
        return _fail(f"unknown process '{unknown[0]}' (known: {known})", 2)
    try:
        if args.format == "bpmn":
            from leidraad.bpmn.export import export_processes

            started = time.perf_counter()
            ids = wanted or [p.id for p in model.process_list()]
            paths = export_processes(model, ids, args.output, args.direction)
            size = sum(p.stat().st_size for p in paths)
            print(
                f"{len(paths)} BPMN file(s), {size / 1024:.0f} KiB, written to {args.output} "
                f"in {time.perf_counter() - started:.2f} s"
            )
        elif args.format == "csv":
            from leidraad.exports.csv_tables import table

            Path(args.output).write_bytes(table(model, args.table, single))
        else:
            from leidraad.exports.registry import ExportOptions, export_process_file

            Path(args.output).write_bytes(
                export_process_file(
                    model, model.processes[str(single)], "handout", ExportOptions(direction=args.direction)
                )
            )
    except GraphvizMissing as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"cannot write {args.output}: {exc.strerror or exc}")
    return 0


def import_bpmn_command(args: argparse.Namespace) -> int:
    from leidraad.bpmn.importer import BpmnImportError, import_bpmn_files

    try:
        result = import_bpmn_files(args.files)
        written = result.write(args.output, overwrite=args.force)
    except BpmnImportError as exc:
        return _fail(f"cannot import: {exc}")
    except OSError as exc:
        return _fail(f"cannot write to {args.output}: {exc.strerror or exc}")
    for warning in result.warnings:
        print(f"warning: {warning}")
    checked = check_folder(args.output)
    errors = [p for p in checked.problems if p.is_error]
    for problem in errors:
        print(problem.format())
    print(
        f"{len(result.processes)} process(es) and {len(result.organisations)} organisation(s) written to "
        f"{args.output} ({len(written)} files); {len(result.warnings)} thing(s) reported above; "
        f"check: {len(errors)} error(s)"
    )
    return 1 if errors else 0


__all__ = ["export_exchange", "import_bpmn_command"]
