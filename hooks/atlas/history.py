"""When each data file last changed: the date of its last commit, read with one `git log`.

A file with no commit yet, or with changes not committed, gets the day it was last saved
and is marked as not committed, so a preview tells the truth about today's edits. Without
git (a copy of the project, an unpacked archive) every file falls back the same way.
A shallow clone would give every file the date of its newest commit: publish from a
full clone (the Pages workflow checks out with `fetch-depth: 0`).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

GIT_TIMEOUT_S = 120
_COMMIT = "\x00"  # starts each commit in the log output, followed by its date


@dataclass(frozen=True)
class LastChange:
    """The day a data file last changed; `committed` is False for a date taken from the file itself."""

    date: date
    committed: bool

    def iso(self) -> str:
        return self.date.isoformat()


def last_changes(root: Path, files: Iterable[str]) -> dict[str, LastChange]:
    """A LastChange for every file (paths relative to `root`, with forward slashes)."""
    wanted = sorted(set(files))
    scopes = sorted({f.split("/", 1)[0] for f in wanted})
    committed = _commit_dates(root, scopes) if wanted else {}
    uncommitted = _uncommitted(root, scopes) if committed else set()
    out: dict[str, LastChange] = {}
    for name in wanted:
        if name in committed and name not in uncommitted:
            out[name] = LastChange(committed[name], True)
        else:
            out[name] = LastChange(_saved(root / name), False)
    return out


def parse_log(text: str) -> dict[str, date]:
    """`git log --format=%x00%cs --name-only` output → the newest date of each file."""
    dates: dict[str, date] = {}
    for chunk in text.split(_COMMIT)[1:]:
        lines = [line.strip() for line in chunk.splitlines()]
        if not lines or not lines[0]:
            continue
        when = date.fromisoformat(lines[0])
        for name in lines[1:]:
            if name:
                dates.setdefault(name, when)  # the log runs newest first
    return dates


def _commit_dates(root: Path, scopes: list[str]) -> dict[str, date]:
    text = _git(root, "log", "--format=%x00%cs", "--name-only", "--relative", "--no-renames", "--", *scopes)
    return parse_log(text) if text is not None else {}


def _uncommitted(root: Path, scopes: list[str]) -> set[str]:
    """Tracked files whose content differs from the last commit (staged or not)."""
    text = _git(root, "diff", "HEAD", "--name-only", "--relative", "--no-renames", "--", *scopes)
    return {line.strip() for line in (text or "").splitlines() if line.strip()}


def _git(root: Path, *args: str) -> str | None:
    """The output of a git command in `root`, or None when git or a repository is not there."""
    git = shutil.which("git")
    if git is None:
        return None
    try:
        result = subprocess.run(
            [git, "-c", "core.quotepath=off", "-C", str(root), *args],
            capture_output=True, text=True, encoding="utf-8", timeout=GIT_TIMEOUT_S, check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


def _saved(path: Path) -> date:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, tz=UTC).date()
    except OSError:
        return datetime.now(tz=UTC).date()
