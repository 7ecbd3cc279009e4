"""The record of published page paths and section IDs (`docs/published.yml`), read.

Trainers link to `page/#section` in handouts; once published, a link must keep working
(`checks/published_links.py`). `kbsync.writing.published` extends and writes the record.
"""

from __future__ import annotations

from pathlib import Path

from kbsync.errors import ConfigError
from kbsync.reading.yaml_source import YamlSourceError, compose_mapping, construct



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
