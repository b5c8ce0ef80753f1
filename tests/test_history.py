"""Last-change dates from one `git log`, and the fallback when a file has no commit."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from atlas.history import LastChange, last_changes, parse_log

GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "Test",
           "GIT_COMMITTER_EMAIL": "test@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def test_parse_log_keeps_the_newest_date_of_each_file() -> None:
    text = ("\x002024-05-02\n\ndata/a.yaml\ndata/b.yaml\n"
            "\x002024-01-01\n\ndata/a.yaml\ndata/c.yaml\n"
            "\x002023-12-31\n\n")  # a commit that touched nothing under the path
    assert parse_log(text) == {"data/a.yaml": date(2024, 5, 2), "data/b.yaml": date(2024, 5, 2),
                               "data/c.yaml": date(2024, 1, 1)}
    assert parse_log("") == {}


def _saved_on(path: Path, day: date) -> None:
    stamp = datetime(day.year, day.month, day.day, 12, tzinfo=UTC).timestamp()
    os.utime(path, (stamp, stamp))


def test_without_git_each_file_gets_the_day_it_was_saved(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.yaml").write_text("id: a\n")
    _saved_on(tmp_path / "data" / "a.yaml", date(2023, 7, 8))
    assert last_changes(tmp_path, ["data/a.yaml"]) == {"data/a.yaml": LastChange(date(2023, 7, 8), False)}


@needs_git
def test_in_a_repository_committed_edited_and_new_files(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    project = repo / "site-project"  # the project may sit in a sub-folder of the repository
    (project / "data").mkdir(parents=True)

    def git(*args: str, when: str) -> None:
        env = {**os.environ, **GIT_ENV, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
        subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)

    for name in ("old", "edited", "renamed-from"):
        (project / "data" / f"{name}.yaml").write_text(f"id: {name}\n")
    git("init", "-q", when="2020-01-01T00:00:00+00:00")
    git("add", ".", when="2020-01-01T00:00:00+00:00")
    git("commit", "-q", "-m", "one", when="2021-02-03T10:00:00+00:00")
    git("mv", "site-project/data/renamed-from.yaml", "site-project/data/renamed.yaml", when="2022-01-01T00:00:00Z")
    git("commit", "-q", "-m", "rename", when="2022-04-05T10:00:00+00:00")
    (project / "data" / "edited.yaml").write_text("id: edited\nname: Edited\n")
    (project / "data" / "new.yaml").write_text("id: new\n")
    _saved_on(project / "data" / "edited.yaml", date(2024, 9, 9))
    _saved_on(project / "data" / "new.yaml", date(2024, 10, 10))
    got = last_changes(project, ["data/old.yaml", "data/edited.yaml", "data/renamed.yaml", "data/new.yaml"])
    assert got == {
        "data/old.yaml": LastChange(date(2021, 2, 3), True),
        "data/renamed.yaml": LastChange(date(2022, 4, 5), True),
        "data/edited.yaml": LastChange(date(2024, 9, 9), False),
        "data/new.yaml": LastChange(date(2024, 10, 10), False),
    }
