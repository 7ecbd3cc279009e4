"""The hand-off's file formats: the one registry of writers and readers (`--format` choices)."""

from __future__ import annotations

from typing import Callable

from kbsync.handoff.exporting import Handoff
from kbsync.handoff.units import ImportFile
from kbsync.handoff.po import read_po, write_po
from kbsync.handoff.xliff import read_xliff, write_xliff

WRITERS: dict[str, Callable[[Handoff], bytes]] = {"xliff": write_xliff, "po": write_po}
READERS: dict[str, Callable[[bytes, str], ImportFile]] = {"xliff": read_xliff, "po": read_po}
