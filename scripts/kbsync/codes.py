"""What a finding code is: its level (`Severity`), its name and summary (`Code`), and the table.

Each check module declares the codes it raises in its own `CODES`; checks/registry.py gathers
them into the one table that `code_table()` gives. This module must not list a code itself: a
new check is a module in checks/ plus one line in checks/registry.py.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Mapping


class Severity(enum.IntEnum):
    """Levels of a finding, ordered: `--fail-on L` fails on L and everything above it."""

    OUTDATED = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def from_label(cls, label: str) -> Severity:
        return cls[label.upper()]


@dataclass(frozen=True)
class Code:
    code: str
    severity: Severity
    name: str
    summary: str
    # A page with this problem has ambiguous sections or front matter unsafe to edit: `sync`
    # and `ack` refuse to write it.
    blocks_editing: bool = False


def code_table() -> Mapping[str, Code]:
    """Every declared code by its code (`KB101`), from the registry of checks."""
    # Imported here: the registry imports the checks, which import model.py, which imports this.
    from kbsync.checks.registry import CODES

    return CODES
