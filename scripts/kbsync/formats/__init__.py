"""The output formats of `kbsync check` and `kbsync status`: the one registry.

A format is a module that defines one function per kind of output it renders (see KINDS):

- `render_findings(findings, fail_on, failed, release=False) -> str`: what `check` writes to stdout;
- `render_status(report) -> str`: what `status` writes to stdout;
- `render_summary(findings, fail_on, release=False) -> str`: what `check` writes to stderr after
  the findings;
- `render_words(rows) -> str`: what `status --words` adds after the status, from rows of (language,
  `kbsync.handoff.words.WordCount`).

`release` is true for the release gate (`check --release`), where every finding of the `outdated`
level fails too (kbsync.commands.check.fails).

The commands take their `--format` choices from `names_for` and their renderer from `renderer`,
so adding a format is one module and one line in FORMATS. Nothing here renders or writes.
"""

from __future__ import annotations

from types import ModuleType
from typing import Callable, Literal

from kbsync.formats import github, json_output, markdown_report, text

Kind = Literal["findings", "status", "summary", "words"]

#: Each kind of output, and the function a format module defines to render it.
KINDS: dict[Kind, str] = {"findings": "render_findings", "status": "render_status",
                          "summary": "render_summary", "words": "render_words"}

# In the order `--help` lists the choices of each command.
FORMATS: dict[str, ModuleType] = {
    "text": text,
    "json": json_output,
    "github": github,
    "markdown": markdown_report,
}


def names_for(kind: Kind) -> tuple[str, ...]:
    """The formats that render `kind`, in registry order: the `--format` choices of a command."""
    function = KINDS[kind]
    return tuple(name for name, module in FORMATS.items() if callable(getattr(module, function, None)))


def renderer(kind: Kind, name: str) -> Callable[..., str]:
    """The function with which the format `name` renders `kind`."""
    if name not in names_for(kind):
        raise LookupError(f"the {name!r} format renders no {kind}; these do: {', '.join(names_for(kind))}")
    return getattr(FORMATS[name], KINDS[kind])
