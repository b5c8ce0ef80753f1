"""How soon `mkdocs serve --dirty` shows an edit: from saving a YAML file to its page showing it.

    .venv/bin/python scripts/bench_preview.py PROJECT [--edits 5]   # edits PROJECT/data: use a copy

It starts `python -m mkdocs serve --dirty --livereload` on a free port of 127.0.0.1, waits
until the site answers, then edits one record at a time: it writes a unique marker into the
summary of the YAML file and fetches the record's page over HTTP until the marker is there.
Three kinds of edit: a treaty (a different one each time), the country named by the most
treaties (a hub) and the organization named by the most treaties. Each save comes two
seconds after the last edit showed, as an editor looks at the page first (the preview
collects the last build's garbage while it idles). The server is stopped with Ctrl-C
(SIGINT), as a person stops it.
"""

from __future__ import annotations

import argparse
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_project import ENV, PY  # noqa: E402

POLL_S = 0.02
PAUSE_S = 2.0  # from one edit shown to the next save, as an editor looks at the page
_SUMMARY = re.compile(r"^summary:.*\n(?:[ \t]+.*\n|\n(?=[ \t]))*", re.M)  # with any continuation lines
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Latency:
    """Seconds from the file written to the page showing the edit, one per edit."""

    kind: str       # treaty, country, organization
    record: str     # the record edited (the first one, for treaties)
    seconds: list[float] = field(default_factory=list)
    note: str = ""  # why fewer edits were measured than asked

    @property
    def median(self) -> float:
        return statistics.median(self.seconds) if self.seconds else float("inf")

    @property
    def max(self) -> float:
        return max(self.seconds) if self.seconds else float("inf")

    def __str__(self) -> str:
        if not self.seconds:
            return f"— ({self.note})"
        return f"{self.median:.2f} ({self.max:.2f})"


def targets(data: Path, edits: int) -> list[tuple[str, list[tuple[str, str]]]]:
    """The records to edit, by kind: [(kind, [(collection, id), …])]."""
    treaties = sorted(p.stem for p in (data / "treaties").glob("*.yaml"))
    named: Counter[str] = Counter()
    for stem in treaties:
        record = yaml.load((data / "treaties" / f"{stem}.yaml").read_text(encoding="utf-8"), Loader=_LOADER)
        named.update([*record.get("parties", []), *([record["organization"]] if "organization" in record else [])])
    countries = {p.stem for p in (data / "countries").glob("*.yaml")}
    organizations = {p.stem for p in (data / "organizations").glob("*.yaml")}

    def most_named(ids: set[str]) -> str:
        return max(sorted(ids), key=lambda i: named[i])

    step = max(1, len(treaties) // edits)
    return [("treaty", [("treaties", t) for t in treaties[step // 2::step][:edits]]),
            ("country", [("countries", most_named(countries))] * edits),
            ("organization", [("organizations", most_named(organizations))] * edits)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def base_path(project: Path) -> str:
    """The path the site is served under: that of `site_url` (MkDocs serves there)."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"^site_url:\s*\S+?://[^/\s]+(/\S*)?\s*$", config, re.M)
    path = (match.group(1) if match else None) or "/"
    return path if path.endswith("/") else path + "/"


def fetch(url: str, timeout: float = 600) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return str(response.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def edit_summary(path: Path, marker: str) -> None:
    text = path.read_text(encoding="utf-8")
    new, count = _SUMMARY.subn(f"summary: Edited for the benchmark, {marker}.\n", text, count=1)
    if not count:
        raise ValueError(f"{path} has no summary line to edit")
    path.write_text(new, encoding="utf-8")


def measure_plain_preview(project: Path, page: str, edits: int = 5, start_timeout: float = 3600.0,
                          edit_timeout: float = 600.0) -> Latency:
    """Latency of editing one page of a plain MkDocs project (bench_project.plain_project):
    what `mkdocs serve --dirty` costs by itself at that many pages, the floor under the Atlas's
    preview. `page` is the page's file under docs/, without `.md`."""
    server, url = start_server(project, start_timeout)
    latency = Latency("plain page", page)
    try:
        for _ in range(edits):
            seconds = _one_edit(project / "docs" / f"{page}.md", f"{url}{page}/", edit_timeout, server,
                                edit=edit_paragraph)
            if seconds is None:
                latency.note = f"no change shown within {edit_timeout:.0f} s"
                break
            latency.seconds.append(seconds)
            time.sleep(PAUSE_S)
        return latency
    finally:
        stop(server)


def edit_paragraph(path: Path, marker: str) -> None:
    path.write_text(f"# Page\n\nEdited for the benchmark, {marker}.\n", encoding="utf-8")


def measure_preview(project: Path, edits: int = 5, give_up_after: float = 20.0,
                    start_timeout: float = 3600.0, edit_timeout: float = 1800.0) -> list[Latency]:
    """Latency of each kind of edit. A kind stops after one edit that takes longer than
    `give_up_after` seconds (today's engine rebuilds everything: minutes at 5,000 treaties)."""
    server, url = start_server(project, start_timeout)
    try:
        results = []
        for kind, records in targets(project / "data", edits):
            latency = Latency(kind, records[0][1])
            for collection, record_id in records:
                seconds = _one_edit(project / "data" / collection / f"{record_id}.yaml",
                                    f"{url}{collection}/{record_id}/", edit_timeout, server)
                if seconds is None:
                    latency.note = (f"the server stopped (exit status {server.returncode})" if server.poll()
                                    is not None else f"no change shown within {edit_timeout:.0f} s")
                    break
                latency.seconds.append(seconds)
                if seconds > give_up_after and len(latency.seconds) < len(records):
                    latency.note = f"stopped after an edit took over {give_up_after:.0f} s"
                    break
                time.sleep(PAUSE_S)
            results.append(latency)
        return results
    finally:
        stop(server)


def start_server(project: Path, timeout: float, attempts: int = 2) -> tuple[subprocess.Popen[bytes], str]:
    """`mkdocs serve --dirty` on a free port, once the site answers; its output goes to
    PROJECT/serve.log. When it stops before answering (another process took the port, the
    machine ran out of something), it tries again on another port, and then gives up with
    the end of its output."""
    log_path, ends = project / "serve.log", []
    for _ in range(attempts):
        port = free_port()
        url = f"http://127.0.0.1:{port}{base_path(project)}"
        with log_path.open("w", encoding="utf-8") as log:
            server = subprocess.Popen(
                [PY, "-m", "mkdocs", "serve", "--dirty", "--livereload", "-a", f"127.0.0.1:{port}"],
                cwd=project, env=ENV, stdout=log, stderr=subprocess.STDOUT)
        started = time.perf_counter()
        while fetch(url, timeout=5) is None:
            if server.poll() is not None:
                ends.append(f"exit status {server.returncode}")
                break
            if time.perf_counter() - started > timeout:
                ends.append(f"no answer within {timeout:.0f} s")
                stop(server)
                break
            time.sleep(0.5)
        else:
            time.sleep(1)  # let the watcher settle after the first build
            return server, url
        last_log = log_path.rename(log_path.with_suffix(f".{port}.log"))
    tail = last_log.read_text(encoding="utf-8", errors="replace").splitlines()[-15:]
    raise RuntimeError(f"mkdocs serve did not start ({', '.join(ends)}; a negative status is the signal that "
                       "stopped it):\n" + "\n".join(tail))


def _one_edit(path: Path, page: str, timeout: float, server: subprocess.Popen[bytes],
              edit: Callable[[Path, str], None] = edit_summary) -> float | None:
    marker = f"marker{uuid.uuid4().hex[:12]}"
    edit(path, marker)
    written = time.perf_counter()
    while time.perf_counter() - written < timeout and server.poll() is None:
        body = fetch(page)
        if body is not None and marker in body:
            return time.perf_counter() - written
        time.sleep(POLL_S)
    return None


def stop(server: subprocess.Popen[bytes]) -> None:
    """Ctrl-C, as a person stops the server; harder only if it does not stop."""
    if server.poll() is not None:
        return
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=120)  # it deletes its temporary site first: slow for a large one
    except subprocess.TimeoutExpired:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", type=Path)
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()
    for latency in measure_preview(args.project, args.edits):
        print(f"{latency.kind} ({latency.record}): median (max) {latency} s over {len(latency.seconds)} edits "
              f"{latency.note}")


if __name__ == "__main__":
    main()
