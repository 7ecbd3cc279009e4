"""Same link targets per section; internal links stay in the translation's own language.

Internal targets are compared language-neutrally: `../metrics/nps.md#bands` from
docs/it/guidelines/x.md and from docs/de/guidelines/x.md both mean `metrics/nps.md#bands`.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from dataclasses import dataclass
from typing import Iterator
from urllib.parse import unquote

from kbsync.checks.context import CheckContext, Pair, compared_sections, finding
from kbsync.codes import Code, Severity
from kbsync.model import Finding, Link

CODES = (
    Code("KB401", Severity.ERROR, "link-missing",
         "a link target of the source section is missing in the translation"),
    Code("KB402", Severity.ERROR, "link-extra",
         "the translation links to a target the source section does not"),
    Code("KB403", Severity.ERROR, "link-wrong-language", "an internal link leads to another language's "
         "page although the page exists in the translation's language"),
    Code("KB404", Severity.WARNING, "external-link-differs", "an external link differs from the source"),
)


@dataclass(frozen=True)
class Target:
    """Where a link leads: `neutral` is the same in every language, `lang` the language it is in."""

    neutral: str
    lang: str | None
    external: bool

    @property
    def key(self) -> tuple[str, bool]:
        return (self.neutral, self.external)


def resolve(link: Link, lang: str, page: str, locales: tuple[str, ...]) -> Target:
    if link.external:
        return Target(link.target, None, True)
    path, hash_mark, anchor = link.target.partition("#")
    if not path:
        return Target(link.target, lang, False)
    if path.startswith("/"):
        parts = path.lstrip("/").split("/")
    else:
        folder = posixpath.dirname(f"{lang}/{page}")
        parts = posixpath.normpath(posixpath.join(folder, unquote(path))).split("/")
    target_lang = parts[0] if parts[0] in locales else None
    rest = "/".join(parts[1:] if target_lang else parts)
    return Target(rest + hash_mark + anchor, target_lang, False)


def check(pair: Pair, context: CheckContext) -> Iterator[Finding]:
    config = context.config
    source_name = config.language_name(config.source_lang)
    name = config.language_name(pair.lang)
    for source, translated in compared_sections(pair, context):
        expected = [(link, resolve(link, config.source_lang, pair.page, config.locales))
                    for link in source.links]
        actual = [(link, resolve(link, pair.lang, pair.page, config.locales))
                  for link in translated.links]
        for link, target in actual:
            if (not target.external and target.lang not in (None, pair.lang)
                    and context.inventory.exists(pair.lang, target.neutral.partition("#")[0])):
                yield finding(pair, link.line, "KB403", f"`{link.target}` leads to the "
                              f"{config.language_name(target.lang)} page, but the {name} page "
                              f"exists: link `{target.neutral}` in docs/{pair.lang}/", source.id)
        # Which language a link leads to is KB403's business; here only what it links to counts.
        want = Counter(target.key for _, target in expected)
        have = Counter(target.key for _, target in actual)
        for link, target in _first_of_each(expected):
            if want[target.key] > have[target.key]:
                yield finding(pair, translated.line, "KB404" if target.external else "KB401",
                              f"section `{source.id}`: {source_name} links to `{link.target}` "
                              f"{want[target.key]}x, {name} {have[target.key]}x", source.id)
        for link, target in _first_of_each(actual):
            if have[target.key] > want[target.key]:
                yield finding(pair, link.line, "KB404" if target.external else "KB402",
                              f"section `{source.id}`: {name} links to `{link.target}` "
                              f"{have[target.key]}x, {source_name} {want[target.key]}x", source.id)


def _first_of_each(links: list[tuple[Link, Target]]) -> list[tuple[Link, Target]]:
    seen: dict[tuple[str, bool], tuple[Link, Target]] = {}
    for link, target in links:
        seen.setdefault(target.key, (link, target))
    return list(seen.values())
