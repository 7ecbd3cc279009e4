"""Read mkdocs.yml the way MkDocs reads it and keep what kbsync needs.

Languages come from the i18n plugin's `languages` list and nowhere else; the one with
`default: true` is the source. Only MkDocs' YAML loader is used (it resolves `!ENV` and
`!!python/name:` tags); nothing else of MkDocs, so the site can move to another generator.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kbsync.errors import ConfigError

# MkDocs always enables these before the ones listed in mkdocs.yml (mkdocs.config.defaults).
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
LOCALE_RE = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z]{2,4})?$")


@dataclass(frozen=True)
class Language:
    locale: str
    name: str
    default: bool
    build: bool


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    config_path: Path
    docs_dir: Path
    languages: tuple[Language, ...]
    extensions: tuple[str, ...]
    extension_configs: dict[str, dict[str, Any]]
    redirects: frozenset[str] = frozenset()  # old page paths of plugins.kbsync.redirects

    def redirects_from(self, page: str) -> bool:
        """Whether the site redirects the page path `page` (inside the language folders) elsewhere."""
        return page in self.redirects

    @property
    def published_path(self) -> Path:
        return self.docs_dir / "published.yml"

    @functools.cached_property
    def source_lang(self) -> str:
        return next(language.locale for language in self.languages if language.default)

    @functools.cached_property
    def locales(self) -> tuple[str, ...]:
        return tuple(language.locale for language in self.languages)

    @functools.cached_property
    def translation_langs(self) -> tuple[str, ...]:
        return tuple(language.locale for language in self.languages if not language.default)

    def language_name(self, locale: str) -> str:
        return next((lang.name for lang in self.languages if lang.locale == locale), locale)

    @property
    def termbase_path(self) -> Path:
        return self.docs_dir / "termbase.yml"

    @functools.cached_property
    def docs_prefix(self) -> str:
        """The docs folder as shown to the user, relative to the repository (`docs`)."""
        return self.relative(self.docs_dir)

    @property
    def cache_dir(self) -> Path:
        return self.root / ".cache" / "kbsync"

    def relative(self, path: Path) -> str:
        """A path as shown to the user: relative to the repository root, with slashes."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    @functools.cached_property
    def markdown_key(self) -> str:
        """A stable digest of how Markdown is read (python objects by their qualified name)."""
        def name_of(value: Any) -> str:
            return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__name__)}"
        payload = json.dumps([self.extensions, self.extension_configs, self.locales, self.source_lang],
                             sort_keys=True, default=name_of)
        return hashlib.sha256(payload.encode()).hexdigest()[:16]


def load_site_config(config_path: Path) -> SiteConfig:
    config_path = config_path.resolve()
    if not config_path.is_file():
        raise ConfigError(f"{config_path.name} not found", path=str(config_path),
                          hint="run kbsync in the repository root or pass --config path/to/mkdocs.yml")
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils import yaml_load

    try:
        with config_path.open("rb") as stream:
            raw = yaml_load(stream)
    except ConfigurationError as error:
        raise ConfigError(str(error), path=str(config_path)) from error
    except OSError as error:
        raise ConfigError(f"cannot read: {error.strerror}", path=str(config_path)) from error
    if not isinstance(raw, dict):
        raise ConfigError("expected a mapping of settings", path=str(config_path))
    root = config_path.parent
    where = str(config_path)
    docs_dir = root / str(raw.get("docs_dir") or "docs")
    languages = _languages(_i18n_options(raw, where), where)
    extensions, extension_configs = _extensions(raw.get("markdown_extensions") or [], where)
    return SiteConfig(root=root, config_path=config_path, docs_dir=docs_dir.resolve(),
                      languages=languages, extensions=extensions,
                      extension_configs=extension_configs, redirects=_redirects(raw))


def _redirects(raw: dict[str, Any]) -> frozenset[str]:
    """The old page paths that the site's kbsync plugin redirects (plugins.kbsync.redirects)."""
    for name, options in _plugin_entries(raw):
        if name == "kbsync" and isinstance(options, dict):
            maps = options.get("redirects") or {}
            return frozenset(str(key) for key in maps) if isinstance(maps, dict) else frozenset()
    return frozenset()


def _plugin_entries(raw: dict[str, Any]) -> list[tuple[str, Any]]:
    plugins = raw.get("plugins") or []
    if isinstance(plugins, dict):
        return list(plugins.items())
    return [next(iter(item.items())) if isinstance(item, dict) and item else (item, {}) for item in plugins]


def _i18n_options(raw: dict[str, Any], where: str) -> dict[str, Any]:
    for name, options in _plugin_entries(raw):
        if name == "i18n":
            options = options or {}
            if options.get("docs_structure") != "folder":
                raise ConfigError("plugins.i18n.docs_structure should be `folder` "
                                  "(pages live at docs/<locale>/<path>.md)", path=where)
            return options
    raise ConfigError("plugins: the i18n plugin (mkdocs-static-i18n) is not configured",
                      path=where, hint="add `- i18n:` with `docs_structure: folder` and `languages:`")


def _languages(options: dict[str, Any], where: str) -> tuple[Language, ...]:
    entries = options.get("languages")
    if not isinstance(entries, list) or not entries:
        raise ConfigError("plugins.i18n.languages should be a list like "
                          "`- {locale: de, name: Deutsch, default: true, build: true}`", path=where)
    languages = []
    for index, entry in enumerate(entries):
        key = f"plugins.i18n.languages[{index}]"
        if not isinstance(entry, dict):
            raise ConfigError(f"{key} should be a mapping with locale, name, default, build", path=where)
        locale = entry.get("locale")
        if not isinstance(locale, str) or not LOCALE_RE.match(locale):
            raise ConfigError(f"{key}.locale should be a language code like `it`, not {locale!r}",
                              path=where)
        languages.append(Language(locale=locale, name=str(entry.get("name") or locale),
                                  default=entry.get("default") is True,
                                  build=entry.get("build", True) is not False))
    defaults = [language.locale for language in languages if language.default]
    if len(defaults) != 1:
        raise ConfigError("plugins.i18n.languages should mark exactly one language `default: true` "
                          f"(the source language); found {len(defaults)}", path=where)
    seen: set[str] = set()
    for language in languages:
        if language.locale in seen:
            raise ConfigError(f"plugins.i18n.languages lists `{language.locale}` twice", path=where)
        seen.add(language.locale)
    # Source first: every other language is checked against it, never against another.
    return tuple(sorted(languages, key=lambda language: not language.default))


def _extensions(entries: Any, where: str) -> tuple[tuple[str, ...], dict[str, dict[str, Any]]]:
    if not isinstance(entries, list):
        raise ConfigError("markdown_extensions should be a list of names or `{name: options}`",
                          path=where)
    names = list(MKDOCS_BUILTIN_EXTENSIONS)
    configs: dict[str, dict[str, Any]] = {}
    for index, entry in enumerate(entries):
        if isinstance(entry, str):
            name, options = entry, None
        elif isinstance(entry, dict) and len(entry) == 1:
            name, options = next(iter(entry.items()))
        else:
            raise ConfigError(f"markdown_extensions[{index}] should be a name or `{{name: options}}`",
                              path=where)
        if name not in names:
            names.append(name)
        if options:
            configs[name] = dict(options)
    return tuple(names), configs
