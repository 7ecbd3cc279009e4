"""The built site in a real browser: served on 127.0.0.1 like a real host, driven by Playwright's Chromium.

The site comes from ``built_site`` (tests/conftest.py); ``fallback_site`` is the same knowledge base
with one Italian page removed, so that its German fallback page can be checked. Every tab records
what a reader would not see but must not happen: requests to another host (blocked), console
errors and warnings, uncaught exceptions, and failed requests.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, Request, sync_playwright

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "artefacts" / "screenshots"
SYSTEM_CHROMIUM = Path("/usr/bin/chromium")
# No traffic of the browser's own: every request a test sees comes from the page.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
# Material's search bar says it is ready (its placeholder text) once the index is loaded: the last
# thing a page loads. "query" is that text as it is now.
_SEARCH_STATE = """() => {
  const config = JSON.parse(document.getElementById("__config").textContent)
  const query = document.querySelector(".md-search-result__meta").textContent.trim()
  return {placeholder: config.translations["search.result.placeholder"], query}
}"""


def _language_root(lang: dict) -> str:
    return "/" if lang.get("default") else f"/{lang['locale']}/"


def _page_path(lang: dict, page: Path) -> str:
    parts = page.with_suffix("").parts
    if parts[-1] == "index":
        parts = parts[:-1]
    return _language_root(lang) + "".join(f"{part}/" for part in parts)


@pytest.fixture(scope="session")
def language_root():
    """language_root(lang) -> where its pages are served: "/" for the default language, "/it/" for Italian."""
    return _language_root


@pytest.fixture(scope="session")
def page_path():
    """page_path(lang, page) -> the URL path of ``page`` (relative to docs/<locale>/) in ``lang``."""
    return _page_path


class _SiteRequestHandler(SimpleHTTPRequestHandler):
    """Static files; a missing path gets its language's 404 page, as the real host serves it."""

    def __init__(self, *args, language_folders: frozenset[str], **kwargs):
        self.language_folders = language_folders
        super().__init__(*args, **kwargs)

    def log_message(self, format, *args):
        pass  # the tests report what matters; an access log would drown it

    def send_error(self, code, message=None, explain=None):
        if code != HTTPStatus.NOT_FOUND:
            return super().send_error(code, message, explain)
        folder = urlsplit(self.path).path.lstrip("/").split("/", 1)[0]
        root = Path(self.directory)
        body = (root / folder / "404.html" if folder in self.language_folders else root / "404.html").read_bytes()
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _serve(site_dir: Path, languages: list[dict]) -> Iterator[str]:
    """Serve ``site_dir`` on 127.0.0.1 on a free port until the session ends."""
    folders = frozenset(lang["locale"] for lang in languages if not lang.get("default"))
    handler = functools.partial(_SiteRequestHandler, directory=str(site_dir), language_folders=folders)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def site_url(built_site, languages) -> Iterator[str]:
    """The knowledge base, served on 127.0.0.1 on a free port."""
    yield from _serve(built_site, languages)


@dataclass(frozen=True)
class FallbackCase:
    """A page that one language has no translation of, so the site shows the source page there."""

    locale: str
    page: Path


@pytest.fixture(scope="session")
def fallback_case() -> FallbackCase:
    return FallbackCase("it", Path("guidelines/people.md"))


@pytest.fixture(scope="session")
def fallback_site(tmp_path_factory, fallback_case) -> Path:
    """The knowledge base built without the translation of ``fallback_case``."""
    tree = tmp_path_factory.mktemp("fallback") / "kb"
    shutil.copytree(REPO, tree, ignore=shutil.ignore_patterns(".git", ".venv", "site", "artefacts", ".*cache*"))
    (tree / "docs" / fallback_case.locale / fallback_case.page).unlink()
    site_dir = tmp_path_factory.mktemp("fallback-site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
        capture_output=True, text=True, cwd=tree, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return site_dir


@pytest.fixture(scope="session")
def fallback_site_url(fallback_site, languages) -> Iterator[str]:
    yield from _serve(fallback_site, languages)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Chromium: the system's (Debian's package) where installed, else Playwright's own download."""
    executable = str(SYSTEM_CHROMIUM) if SYSTEM_CHROMIUM.exists() else None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass(frozen=True)
class Incident:
    """Something that went wrong while a page loaded: a blocked request, a console message, an HTTP error."""

    kind: str
    url: str
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.kind}: {self.url} {self.detail}".rstrip()


@dataclass(frozen=True)
class SearchResult:
    """One page in the search results: its link, title, and the words search marked in it."""

    href: str
    title: str
    marked: tuple[str, ...]


@dataclass
class Tab:
    """A browser tab on the served site that records every incident on its pages."""

    page: Page
    base_url: str
    incidents: list[Incident] = field(default_factory=list)
    _missing_pages: set[str] = field(default_factory=set)
    _loading: set[Request] = field(default_factory=set)

    @classmethod
    def open_in(cls, context: BrowserContext, base_url: str) -> Tab:
        """A new tab in ``context`` that blocks requests to other hosts and records every incident."""
        tab = cls(context.new_page(), base_url)
        context.route("**/*", tab._on_route)
        tab.page.on("console", tab._on_console)
        tab.page.on("pageerror", tab._on_page_error)
        tab.page.on("response", tab._on_response)
        tab.page.on("request", tab._on_request)
        tab.page.on("requestfinished", tab._on_request_done)
        tab.page.on("requestfailed", tab._on_request_done)
        return tab

    def open(self, path: str, status: int = HTTPStatus.OK) -> Page:
        """Load ``path``, expecting HTTP ``status``, and wait until the page and its search are ready."""
        url = self.base_url + path
        response = self.page.goto(url)
        assert response is not None and response.status == status, f"{path}: HTTP {response and response.status}"
        if status == HTTPStatus.NOT_FOUND:
            self._missing_pages.add(url)
        self._settle()
        return self.page

    def switch_language(self, locale: str) -> Page:
        """Choose ``locale`` in the header's language menu, as a reader does, and wait for that page."""
        self.page.locator(".md-header__option .md-select").hover()
        with self.page.expect_navigation():
            self.page.locator(f"a.md-select__link[hreflang='{locale}']").click()
        self._settle()
        return self.page

    def problems(self) -> list[str]:
        """Every incident so far, but the HTTP 404 (and its console line) of a page opened as missing."""
        return [str(incident) for incident in self.incidents if incident.url not in self._missing_pages]

    def search(self, query: str) -> list[SearchResult]:
        """Type ``query`` into the search field once search is ready; the pages shown (Material shows ten), best first."""
        self._settle()
        search_field = self.page.locator("input.md-search__input")
        search_field.fill(query)
        search_field.press("End")  # Material reads the query on keyup
        self.page.wait_for_function(f"() => {{ const s = ({_SEARCH_STATE})(); return s.query !== s.placeholder }}")
        return [
            SearchResult(
                href=item.locator("a.md-search-result__link").first.get_attribute("href"),
                title=item.locator("h1").first.inner_text(),
                marked=tuple(item.locator("mark").all_text_contents()),
            )
            for item in self.page.locator("li.md-search-result__item").all()
        ]

    def _settle(self) -> None:
        """Wait until search is ready and no request is under way (faster than Playwright's networkidle)."""
        self.page.wait_for_function(f"() => {{ const s = ({_SEARCH_STATE})(); return s.query === s.placeholder }}")
        while self._loading:
            self.page.wait_for_timeout(10)

    def accessibility_violations(self) -> list[str]:
        """axe-core's violations on the page as it is now: all its rules (WCAG 2.0/2.1 A and AA, best practices)."""
        violations = Axe().run(self.page).response["violations"]
        return [f"{v['id']} ({v['impact']}): {', '.join(str(node['target']) for node in v['nodes'])}" for v in violations]

    def _on_console(self, message) -> None:
        if message.type in ("error", "warning"):
            self.incidents.append(Incident(f"console {message.type}", message.location.get("url", ""), message.text))

    def _on_page_error(self, error) -> None:
        self.incidents.append(Incident("uncaught exception", self.page.url, str(error)))

    def _on_response(self, response) -> None:
        if response.status >= 400:
            self.incidents.append(Incident(f"HTTP {response.status}", response.url))

    def _on_request(self, request) -> None:
        self._loading.add(request)

    def _on_request_done(self, request) -> None:
        self._loading.discard(request)

    def _on_route(self, route) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.incidents.append(Incident("request to another host", route.request.url))
            route.abort()


@pytest.fixture
def new_tab(browser) -> Iterator:
    """new_tab(base_url, **context options) -> a Tab in a fresh browser context, closed after the test."""
    contexts = []

    def open_tab(base_url: str, **context_options) -> Tab:
        contexts.append(browser.new_context(**context_options))
        return Tab.open_in(contexts[-1], base_url)

    yield open_tab
    for context in contexts:
        context.close()


@pytest.fixture
def tab(new_tab, site_url) -> Tab:
    """A tab on the knowledge base."""
    return new_tab(site_url)


@pytest.fixture
def fallback_tab(new_tab, fallback_site_url) -> Tab:
    """A tab on the knowledge base with a fallback page (``fallback_case``)."""
    return new_tab(fallback_site_url)


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """artefacts/screenshots/ (git ignores artefacts/)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture(scope="session")
def status_site(tmp_path_factory, kb_tools, mkdocs_build) -> Path:
    """The knowledge base with history in which a German section changed and a page is past its review date."""
    copy_knowledge_base, git = kb_tools
    root = copy_knowledge_base(tmp_path_factory.mktemp("status") / "kb")
    german = root / "docs/de/guidelines/service-quality.md"
    german.write_text(german.read_text(encoding="utf-8").replace(
        "solange die Identifizierung nicht abgeschlossen ist.",
        "solange die Identifizierung nicht abgeschlossen ist, auch nicht per E-Mail."), encoding="utf-8")
    for lang in ("de", "it", "fr", "en"):
        page = root / "docs" / lang / "guidelines/service-quality.md"
        page.write_text(page.read_text(encoding="utf-8").replace("last_reviewed: 2026-11-20", "last_reviewed: 2024-01-15"),
                        encoding="utf-8")
    git(root, "commit", "-q", "-am", "Identification: no data by e-mail either", date="2026-11-21T10:00:00+00:00")
    site_dir = root / "site"
    result = mkdocs_build(root / "mkdocs.yml", site_dir)
    assert result.returncode == 0, result.stderr[-4000:]
    return site_dir


@pytest.fixture(scope="session")
def status_site_url(status_site, languages) -> Iterator[str]:
    yield from _serve(status_site, languages)


@pytest.fixture
def status_tab(new_tab, status_site_url) -> Tab:
    """A tab on the knowledge base whose status banners are showing (``status_site``)."""
    return new_tab(status_site_url)
