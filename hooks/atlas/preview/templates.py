"""Compiled Jinja templates kept from one build of the live preview to the next.

Each build makes new Jinja environments (the Atlas's and the theme's), which would parse and
compile every template again: about half a second per build. Jinja's bytecode cache keeps
the compiled code; it checks each template's source, so an edited template is compiled anew.
"""

from __future__ import annotations

from jinja2.bccache import Bucket, BytecodeCache


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()
