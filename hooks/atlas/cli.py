"""The `atlas` command: check the data without building the site, or start a new record.

    atlas check [--root PATH] [--format text|json]
    atlas new <collection> <id> [--root PATH]

Exit status: 0 when all is well, 1 when the data has problems (or a record cannot be
created), 2 for a usage error. `check` goes through `project.check_project`, the same
path as the build, so it reports the same problems in the same words.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import COLLECTIONS
from .i18n.coverage import untranslated
from .problems import Problem
from .project import check_project
from .scaffold import ScaffoldError, new_record, write_record

OK, PROBLEMS, USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _run(argv)
    except BrokenPipeError:
        # The reader stopped early (`atlas check | head`): not a failure worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return PROBLEMS


def _run(argv: Sequence[str] | None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    root: Path = args.root
    if not root.is_dir():
        parser.error(f"--root {root}: no such folder")
    if args.command == "check":
        return check(root, args.format)
    return new(root, args.collection, args.id)


def check(root: Path, fmt: str = "text") -> int:
    """Every problem (errors: the build refuses the data), then every text without its Russian
    version (warnings: the Russian page shows the English text, marked)."""
    catalog, problems = check_project(root)
    counts = catalog.counts() if catalog else {}
    warnings = untranslated(catalog.records) if catalog else []
    summary = {
        "ok": not problems,
        "problems": len(problems),
        "files_with_problems": len({p.file for p in problems}),
        "warnings": len(warnings),
        "records": sum(counts.values()),
        "collections": counts,
    }
    if fmt == "json":
        print(json.dumps({"problems": [p.as_dict() for p in problems], "warnings": [w.as_dict() for w in warnings],
                          "summary": summary}, ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            print(problem)
        for warning in warnings:
            print(f"{warning} (warning)")
        print(_summary_line(problems, counts, len(warnings)))
    return PROBLEMS if problems else OK


def _summary_line(problems: list[Problem], counts: dict[str, int], warnings: int = 0) -> str:
    if problems:
        files = len({p.file for p in problems})
        return f"{_plural(len(problems), 'problem')} in {_plural(files, 'file')}."
    detail = ", ".join(f"{n} {c}" for c, n in counts.items())
    untranslated_texts = f"; {_plural(warnings, 'text')} without a Russian version (warnings)" if warnings else ""
    return f"OK: {_plural(sum(counts.values()), 'record')} ({detail}), no problems{untranslated_texts}."


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def new(root: Path, collection: str, record_id: str) -> int:
    try:
        scaffold = new_record(root, collection, record_id)
    except ScaffoldError as err:
        print(f"atlas new: error: {err}", file=sys.stderr)
        return USAGE if err.usage else PROBLEMS
    rel = scaffold.path.relative_to(root).as_posix()
    try:
        write_record(scaffold)
    except FileExistsError:
        print(f"atlas new: error: {rel} already exists", file=sys.stderr)
        return PROBLEMS
    print(f"wrote {rel}")
    for note in scaffold.notes:
        print(f"  {note}")
    print("Replace every TODO, then run `atlas check`: it lists each one left in place.")
    return OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="atlas", description="Check and edit the data of the Kyrgyz Security Atlas.")
    _add_root(parser, Path("."))
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check_cmd = commands.add_parser("check", help="validate all data without building the site",
                                    description="Validate every record; print each problem as file:line:column.")
    check_cmd.add_argument("--format", choices=("text", "json"), default="text",
                           help="text: one problem per line (default); json: a list of problems and a summary")
    new_cmd = commands.add_parser("new", help="write a new record from a template",
                                  description="Write data/<collection>/<id>.yaml: every field explained, "
                                              "a TODO for each value to give.")
    new_cmd.add_argument("collection", choices=COLLECTIONS, help="the collection of the new record")
    new_cmd.add_argument("id", help="the new record's id: lower-case words joined by hyphens")
    for sub in (check_cmd, new_cmd):
        _add_root(sub, argparse.SUPPRESS)  # `atlas check --root X` and `atlas --root X check` both work
    return parser


def _add_root(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument("--root", type=Path, default=default, metavar="PATH",
                        help="the Atlas project folder, which holds data/ (default: the current folder)")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
