"""The record of published page paths and section IDs (`docs/published.yml`), read and written.

Trainers link to `page/#section` in handouts; once published, a link must keep working. The
record only grows: `kbsync publish` adds what is new, nothing ever removes an entry. Written
atomically in a fixed, sorted form so that a diff shows exactly what was added.
"""

from __future__ import annotations

from pathlib import Path

from kbsync.writing.atomic import write_atomically
from kbsync.errors import ConfigError
from kbsync.reading.yaml_source import YamlSourceError, compose_mapping, construct

HEADER = """\
# Published page paths and section IDs: trainers link to them, so they must keep working.
# kbsync check fails when one disappears without a redirect (mkdocs.yml: plugins, kbsync,
# redirects) or, for a section, an alias (front matter: section_aliases: {old-id: new-id}).
# `kbsync publish` adds new pages and sections; never remove an entry by hand.
"""


def load_published(path: Path, shown: str) -> dict[str, tuple[str, ...]]:
    """page -> its published section IDs; empty when the record does not exist yet."""
    if not path.is_file():
        return {}
    try:
        node = compose_mapping(path.read_text("utf-8-sig"), 1, "published record")
        data = construct(node, 1, "published record") if node is not None else {}
    except YamlSourceError as error:
        raise ConfigError(error.message, path=shown, line=error.line) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read: {error}", path=shown) from None
    pages = data.get("pages") if isinstance(data, dict) else None
    if not isinstance(pages, dict) or not all(
            isinstance(page, str) and isinstance(ids, list) and all(isinstance(i, str) for i in ids)
            for page, ids in pages.items()):
        raise ConfigError("expected `pages:` mapping each page path to a list of section IDs, like "
                          "`guidelines/service-quality.md: [at-a-glance, basics]`", path=shown, line=1)
    return {page: tuple(ids) for page, ids in pages.items()}


def merged(recorded: dict[str, tuple[str, ...]], current: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """The record with every current page and section added; nothing recorded is dropped."""
    result = {page: list(ids) for page, ids in recorded.items()}
    for page, ids in current.items():
        known = result.setdefault(page, [])
        known += [section for section in ids if section not in known]
    return {page: tuple(ids) for page, ids in result.items()}


def save_published(path: Path, record: dict[str, tuple[str, ...]]) -> None:
    lines = [HEADER.rstrip("\n"), "pages:"]
    for page in sorted(record):
        lines.append(f"  {page}: [{', '.join(record[page])}]")
    write_atomically(path, ("\n".join(lines) + "\n").encode("utf-8"))
