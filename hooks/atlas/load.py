"""Files → YAML nodes with line/column marks → raw records.

YAML is composed, never constructed: we turn nodes into plain values ourselves,
so no tag can build a Python object, anchors cannot expand into a billion laughs,
duplicate keys are caught, and every value keeps the line it was written on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import COLLECTIONS
from .model import Record, is_placeholder
from .problems import Problem, format_path

try:
    Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    Loader = yaml.SafeLoader

Path_ = tuple[str | int, ...]
_YAML_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS: dict[str, Callable[[str], Any]] = {
    "tag:yaml.org,2002:str": str,
    # A plain `=` or `<<` as a value is text (a `<<` key is refused as a merge key first).
    "tag:yaml.org,2002:value": str,
    "tag:yaml.org,2002:merge": str,
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:bool": lambda s: s.lower() in ("true", "yes", "on"),
    "tag:yaml.org,2002:null": lambda s: None,
    # Dates stay text: the Atlas parses them itself, at the precision written.
    "tag:yaml.org,2002:timestamp": str,
}
MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 20  # records nest a few levels; deeper input is hostile and would exhaust the stack
TEXTS = "texts"  # data/texts/ holds the full texts of sources, for checking quotes


@dataclass
class _Loaded:
    """What one file gave, remembered by `LoadCache` while the file stays as it was."""

    stamp: tuple[int, int, int]  # modification time (ns), size, inode
    record: Record | None
    problem: Problem | None
    problems: list[Problem]


@dataclass
class LoadCache:
    """The records of the files read by earlier loads, for the live preview: a file whose
    modification time, size and inode are unchanged is not read again. Its record is the very
    same object, which lets later steps (validation, page rendering) recognise it."""

    files: dict[Path, _Loaded] = field(default_factory=dict)


@dataclass
class LoadResult:
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Ids of record files that could not be read: references to them are not reported as dangling.
    unreadable: set[str] = field(default_factory=set)


class _Unsupported(Exception):
    def __init__(self, node: yaml.Node, path: Path_, message: str, hint: str) -> None:
        self.node, self.path, self.message, self.hint = node, path, message, hint
        self.mark: Any = node.start_mark


def load_data(data_dir: Path, root: Path | None = None, cache: LoadCache | None = None) -> LoadResult:
    """Read every `data/<collection>/<id>.yaml` file below `data_dir` (through `cache` if given)."""
    root = root or data_dir.parent
    result = LoadResult()
    if not data_dir.is_dir():
        result.problems.append(
            Problem(_rel(data_dir, root), 1, 1, "", "the data folder does not exist",
                    "create it with one sub-folder per collection")
        )
        return result
    for entry in sorted(data_dir.iterdir()):
        if entry.name.startswith(".") or entry.name == TEXTS:
            continue
        if entry.is_file():
            result.problems.append(_stray(entry, root, "files belong in a collection folder"))
        elif entry.name not in COLLECTIONS:
            result.problems.append(
                _stray(entry, root, f"'{entry.name}' is not a collection",
                       f"use one of: {', '.join(COLLECTIONS)}")
            )
    seen: set[Path] = set()
    for collection in COLLECTIONS:
        for path in sorted((data_dir / collection).glob("*")):
            if path.name.startswith("."):
                continue
            if path.suffix == ".yml":
                result.problems.append(_stray(path, root, "the file ends in .yml", "rename it to .yaml"))
            elif path.suffix != ".yaml" or not path.is_file():
                result.problems.append(_stray(path, root, "not a .yaml record", "move it out of data/"))
            elif cache is None:
                _load_file(path, collection, root, result)
            else:
                _load_cached(path, collection, root, result, cache)
                seen.add(path)
    if cache is not None:
        for gone in [p for p in cache.files if p not in seen]:
            del cache.files[gone]
    return result


def _load_cached(path: Path, collection: str, root: Path, result: LoadResult, cache: LoadCache) -> None:
    try:
        info = path.stat()
    except OSError:
        _load_file(path, collection, root, result)
        return
    stamp = (info.st_mtime_ns, info.st_size, info.st_ino)
    known = cache.files.get(path)
    if known is None or known.stamp != stamp:
        fresh = LoadResult()
        problem = _read_record(path, collection, _rel(path, root), fresh)
        record = fresh.records[0] if fresh.records else None
        if record is not None and known is not None and known.record is not None and _same(record, known.record):
            record = known.record  # saved again unchanged: the same object, so nothing shows it as changed
        known = cache.files[path] = _Loaded(stamp, record, problem, fresh.problems)
    result.problems.extend(known.problems)
    if known.record is not None:
        result.records.append(known.record)
    if known.problem is not None:
        result.problems.append(known.problem)
        result.unreadable.add(path.stem)


def _stray(path: Path, root: Path, message: str, hint: str = "move it or delete it") -> Problem:
    return Problem(_rel(path, root), 1, 1, "", message, hint)


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _load_file(path: Path, collection: str, root: Path, result: LoadResult) -> None:
    rel = _rel(path, root)
    problem = _read_record(path, collection, rel, result)
    if problem is not None:
        result.problems.append(problem)
        result.unreadable.add(path.stem)


def _read_record(path: Path, collection: str, rel: str, result: LoadResult) -> Problem | None:
    """Append the record of one file to `result`, or return why it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        return Problem(rel, 1, 1, "", f"the file cannot be read ({err.strerror})", "check its permissions")
    if len(raw) > MAX_FILE_BYTES:
        return Problem(rel, 1, 1, "", f"the file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}",
                       "split the text or shorten it")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        return Problem(rel, line, 1, "", f"not UTF-8 text ({err.reason} at byte {err.start})",
                       "save the file as UTF-8")
    try:
        nodes = list(yaml.compose_all(text, Loader=Loader))
    except yaml.MarkedYAMLError as err:
        return _syntax_problem(rel, err)
    except yaml.reader.ReaderError as err:
        line, col = _position(text, err.position)
        return Problem(rel, line, col, "", f"the character U+{err.character:04X} is not allowed in YAML ({err.reason})",
                       f"delete it, or write it as \\u{err.character:04x} inside double quotes")
    except yaml.YAMLError as err:
        return Problem(rel, 1, 1, "", f"YAML error: {' '.join(str(err).split())}", "fix the YAML syntax")
    if len(nodes) != 1:
        line = nodes[1].start_mark.line + 1 if len(nodes) > 1 else 1
        if not nodes:
            return Problem(rel, 1, 1, "", "the file is empty", "write the record's fields, or delete the file")
        return Problem(rel, line, 1, "", "the file holds more than one YAML document",
                       "keep exactly one record per file")
    node = nodes[0]
    if not isinstance(node, yaml.MappingNode):
        return Problem(rel, node.start_mark.line + 1, node.start_mark.column + 1, "",
                       "a record must be a mapping of fields", "write 'field: value' lines")
    builder = _Builder(rel)
    try:
        data = builder.value(node, ())
    except _Unsupported as err:
        mark = _first_alias(text) if err.message.startswith("YAML anchors") else err.mark
        return Problem(rel, mark.line + 1, mark.column + 1, format_path(err.path), err.message, err.hint)
    result.problems.extend(builder.problems)
    result.records.append(Record(collection, path.stem, data, rel, builder.marks, tuple(builder.placeholders)))
    return None


def _same(a: Record, b: Record) -> bool:
    return a.data == b.data and a.marks == b.marks and a.placeholders == b.placeholders and a.file == b.file


def _syntax_problem(rel: str, err: yaml.MarkedYAMLError) -> Problem:
    mark = err.problem_mark or err.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = err.problem or "the YAML cannot be read"
    if err.context:
        start = err.context_mark
        where = f" that starts at line {start.line + 1}, column {start.column + 1}" if start and start != mark else ""
        what += f" ({err.context}{where})"
    return Problem(rel, line, col, "", f"YAML syntax error: {what}",
                   "check indentation, colons and quotes on this line or the one above")


def _position(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _first_alias(text: str) -> Any:
    """Where the first alias (*name) is: the composer hands back the anchored node instead."""
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark
    raise AssertionError("an alias was composed but not parsed")  # pragma: no cover


class _Builder:
    """Turns one document's nodes into plain values, recording each value's mark."""

    def __init__(self, rel: str) -> None:
        self.rel = rel
        self.marks: dict[Path_, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.placeholders: list[Path_] = []  # where `atlas new` left a TODO the editor has not replaced
        self._seen: set[int] = set()

    def value(self, node: yaml.Node, path: Path_) -> Any:
        # The composer hands back the same node object for every alias of an anchor.
        if id(node) in self._seen:
            raise _Unsupported(node, path, "YAML anchors and aliases (&name, *name) are not allowed in records",
                               "write the value out in full")
        self._seen.add(id(node))
        if len(path) > MAX_DEPTH:
            raise _Unsupported(node, path, f"values are nested more than {MAX_DEPTH} levels deep",
                               "records hold flat fields and lists of small mappings")
        self.marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.ScalarNode):
            value = _scalar(node, path)
            if isinstance(value, str) and is_placeholder(value):
                self.placeholders.append(path)
            return value
        if isinstance(node, yaml.SequenceNode):
            _plain_tag(node, path, "tag:yaml.org,2002:seq")
            return [self.value(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.MappingNode)
        _plain_tag(node, path, "tag:yaml.org,2002:map")
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Unsupported(key_node, path, "YAML merge keys (<<) are not allowed in records",
                                   "write the fields out in full")
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Unsupported(key_node, path, "a field name must be plain text", "write 'name: value'")
            _scalar(key_node, path)  # rejects tags on keys too
            key = str(key_node.value)
            line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if key in out:
                self.problems.append(Problem(self.rel, line, col, format_path((*path, key)),
                                             f"field '{key}' is given twice", "keep one of them"))
                continue
            self.marks[(*path, key)] = (line, col)
            out[key] = self.value(value_node, (*path, key))
        return out


def _scalar(node: yaml.ScalarNode, path: Path_) -> Any:
    convert = _SCALAR_TAGS.get(node.tag)
    if convert is None:
        raise _Unsupported(node, path, f"the YAML tag '{_shown(node.tag)}' is not allowed",
                           "remove the tag; records hold plain text, numbers, lists and mappings")
    try:
        return convert(node.value)
    except ValueError:
        return node.value


def _plain_tag(node: yaml.Node, path: Path_, expected: str) -> None:
    if node.tag != expected:
        raise _Unsupported(node, path, f"the YAML tag '{_shown(node.tag)}' is not allowed",
                           "remove the tag; records hold plain text, numbers, lists and mappings")


def _shown(tag: str) -> str:
    """A tag as the editor wrote it: `!!python/object`, not `tag:yaml.org,2002:python/object`."""
    return "!!" + tag.removeprefix(_YAML_TAG) if tag.startswith(_YAML_TAG) else tag
