"""The one reader of mkdocs.yml: languages, Markdown settings, our plugins' options, the site folder, the page tree.

Everything else (the kbsync command, both site plugins, the build and preview drivers, the tests)
receives the `SiteConfig` this module returns and never parses mkdocs.yml again. Languages come
from the i18n plugin's `languages` list; the one with `default: true` is the source. The options of
the `kbsync` and `kbsync-search` plugins are declared here, with their defaults, and checked here:
a wrong option is one message naming its key and the expected form. Only MkDocs' YAML loader is
used (it resolves `!ENV` and `!!python/name:` tags); nothing else of MkDocs, so the site can move
to another generator.

The site's canonical address is `site_url` of mkdocs.yml unless the environment variable
`KB_SITE_URL` names another host (a staging or mirror copy of the site): this module is the one
place that reads it, and the kbsync plugin hands the result to MkDocs, so the sitemap, the pages'
canonical links, printed addresses and `/go/` links all use the same address.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import urlsplit

from kbsync.errors import ConfigError
from kbsync.languages import profiles

# MkDocs always enables these before the ones listed in mkdocs.yml (mkdocs.config.defaults).
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
LOCALE_RE = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z]{2,4})?$")
#: The environment variable that overrides `site_url` of mkdocs.yml (another host for the same site).
SITE_URL_VARIABLE = "KB_SITE_URL"
# Set to 1 by `make pdf`: the build links every page to its PDF handouts, which `make pdf` writes next.
PDF_VARIABLE = "KB_PDF"


@dataclass(frozen=True)
class Language:
    locale: str
    name: str
    default: bool
    build: bool
    link: str = ""  # the language's home on the site, as the i18n plugin sets it: "/" or "/it/"
    site_name: str = ""  # the i18n entry's own site_name; "" where the language uses the site's

    @property
    def site_root(self) -> str:
        """Where the language's pages are written in the site: "" for the default language, "it/"."""
        return "" if self.default else f"{self.locale}/"

    @property
    def url_prefix(self) -> str:
        """The site-relative URL prefix of the language's pages: "" or "it/"."""
        return self.link.strip("/") + "/" if self.link.strip("/") else ""


@dataclass(frozen=True)
class KbsyncOptions:
    """`plugins: - kbsync:` in mkdocs.yml. The defaults are the ones the site and the command use."""

    termbase: str = "docs/termbase.yml"  # relative to mkdocs.yml
    glossary_page: str = "glossary.md"  # pages (inside a language folder) whose content is generated
    status_page: str = "translation-status.md"
    changes_page: str = "changes.md"
    redirects: Mapping[str, str] = field(default_factory=dict)  # old page path -> new page path


@dataclass(frozen=True)
class SearchOptions:
    """`plugins: - kbsync-search:` in mkdocs.yml."""

    # Words split at white space, hyphens and apostrophes (l'indice, dell'indicatore, l’enquête).
    separator: str = r"[\s\-'’]+"


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    config_path: Path
    docs_dir: Path
    languages: tuple[Language, ...]
    extensions: tuple[str, ...]
    extension_configs: dict[str, dict[str, Any]]
    kbsync: KbsyncOptions = KbsyncOptions()
    search: SearchOptions = SearchOptions()
    site_name: str = ""
    exclude_docs: str = ""  # gitignore-style patterns of files in docs/ that are not pages
    markdown_extensions: tuple[Any, ...] = ()  # as mkdocs.yml lists them (names or {name: options})
    # The site's address, ending in "/": KB_SITE_URL, else site_url of mkdocs.yml; None when neither is set.
    canonical_url: str | None = None
    # Whether pages link to their PDF handouts: only when the build is `make pdf`'s (KB_PDF=1), which
    # writes them; a site from `make build` or `make serve` has no PDFs, so it has no links to them.
    pdf_handouts: bool = False
    # Where the site is built (`site_dir`, relative to mkdocs.yml as MkDocs takes it), and `nav` as
    # written (None without one): the PDF handouts are made from the built site in that order.
    site_dir: Path | None = None
    nav: Any = None

    def redirects_from(self, page: str) -> bool:
        """Whether the site redirects the page path `page` (inside the language folders) elsewhere."""
        return page in self.kbsync.redirects

    @functools.cached_property
    def built_languages(self) -> tuple[Language, ...]:
        """The languages the site is built in (`build: true`), the source first."""
        return tuple(language for language in self.languages if language.build)

    def language(self, locale: str) -> Language:
        return next(language for language in self.languages if language.locale == locale)

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
        return (self.root / self.kbsync.termbase).resolve()

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
        except (RuntimeError, OSError):  # a symbolic link that loops (KB118): named as given
            try:
                return Path(os.path.abspath(path)).relative_to(self.root).as_posix()
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


def load_site_config(config_path: Path, environ: Mapping[str, str] | None = None) -> SiteConfig:
    """The site's configuration; `environ` (the process's environment by default) may override `site_url`."""
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
    site_dir = root / str(raw.get("site_dir") or "site")
    nav = raw.get("nav")
    if nav is not None and not isinstance(nav, list):
        raise ConfigError("nav should be a list of pages like `- Title: path.md`", path=where)
    languages = _languages(_i18n_options(raw, where), where)
    profiles([language.locale for language in languages])  # a language without one is a configuration error
    extensions, extension_configs = _extensions(raw.get("markdown_extensions") or [], where)
    return SiteConfig(root=root, config_path=config_path, docs_dir=docs_dir.resolve(),
                      site_dir=site_dir.resolve(), nav=nav,
                      languages=languages, extensions=extensions,
                      extension_configs=extension_configs, site_name=str(raw.get("site_name") or ""),
                      exclude_docs=str(raw.get("exclude_docs") or ""),
                      markdown_extensions=tuple(raw.get("markdown_extensions") or ()),
                      canonical_url=_canonical_url(raw, os.environ if environ is None else environ, where),
                      pdf_handouts=(os.environ if environ is None else environ).get(PDF_VARIABLE, "") == "1",
                      kbsync=_plugin_options(raw, "kbsync", KbsyncOptions, where),
                      search=_plugin_options(raw, "kbsync-search", SearchOptions, where))


def _canonical_url(raw: dict[str, Any], environ: Mapping[str, str], where: str) -> str | None:
    """`KB_SITE_URL` if set and not empty, else `site_url`: an http(s) address with a host, ending in "/"."""
    override = environ.get(SITE_URL_VARIABLE, "").strip()
    value, key = (override, f"the environment variable {SITE_URL_VARIABLE}") if override else (raw.get("site_url"), "site_url")
    if value is None or value == "":
        return None
    parts = urlsplit(value) if isinstance(value, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise ConfigError(f"{key} should be the site's address like `https://kb.example.internal/`, not {value!r}",
                          path=None if override else where)
    return value if value.endswith("/") else value + "/"


def _plugin_options(raw: dict[str, Any], plugin: str, options_class: type, where: str) -> Any:
    """The options of `plugin` in mkdocs.yml, checked against `options_class`'s fields and types."""
    options = next((options for name, options in _plugin_entries(raw) if name == plugin), None) or {}
    if not isinstance(options, dict):
        raise ConfigError(f"plugins.{plugin} should be a mapping of options like `key: value`", path=where)
    defaults = options_class()
    known = {option.name: getattr(defaults, option.name) for option in fields(options_class)}
    values = {}
    for key, value in options.items():
        if key not in known:
            raise ConfigError(f"plugins.{plugin}.{key} is not an option of the {plugin} plugin; expected one of "
                              f"{', '.join(known)}", path=where)
        expected = known[key]
        if isinstance(expected, str) and not isinstance(value, str):
            raise ConfigError(f"plugins.{plugin}.{key} should be text like `{expected}`, not {value!r}", path=where)
        if isinstance(expected, Mapping):
            value = _page_mapping(value or {}, f"plugins.{plugin}.{key}", where)
        values[key] = value
    return options_class(**values)


def _page_mapping(value: Any, key: str, where: str) -> Mapping[str, str]:
    if not isinstance(value, dict) or not all(isinstance(old, str) and isinstance(new, str)
                                              for old, new in value.items()):
        raise ConfigError(f"{key} should map an old page path to the page that replaced it, like "
                          "`{guidelines/old-page.md: guidelines/new-page.md}`", path=where)
    return dict(value)


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
                          "`- {locale: <code>, name: <its name>, default: true, build: true}`, one entry per language", path=where)
    languages = []
    for index, entry in enumerate(entries):
        key = f"plugins.i18n.languages[{index}]"
        if not isinstance(entry, dict):
            raise ConfigError(f"{key} should be a mapping with locale, name, default, build", path=where)
        locale = entry.get("locale")
        if not isinstance(locale, str) or not LOCALE_RE.match(locale):
            raise ConfigError(f"{key}.locale should be a language code, the name of its folder in docs/ (two or three lowercase letters, optionally a region: `xx` or `xx-YY`), not {locale!r}",
                              path=where)
        default = entry.get("default") is True
        link = entry.get("link") or ("/" if default else f"/{locale}/")  # the i18n plugin's default
        if not isinstance(link, str) or not link.startswith("/") or not link.endswith("/"):
            raise ConfigError(f"{key}.link should be an absolute link like /{locale}/, not {link!r}", path=where)
        languages.append(Language(locale=locale, name=str(entry.get("name") or locale), default=default,
                                  build=entry.get("build", True) is not False, link=link,
                                  site_name=str(entry.get("site_name") or "")))
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
