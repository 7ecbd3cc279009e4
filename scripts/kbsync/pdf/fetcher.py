"""What WeasyPrint may read while it renders a handout: files inside the built site, nothing else.

A handout embeds what it shows (fonts come from the system, the QR code is in the document), so
nothing is fetched from another host, nor from elsewhere on this machine: a link to a stylesheet,
image or font elsewhere is refused and recorded (WeasyPrint then renders without it and logs a
warning). Every request is recorded, so a test can say what a render read.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher


class SiteOnlyFetcher(URLFetcher):
    """WeasyPrint's fetcher, restricted to `file:` URLs inside `site_dir` (and `data:` URLs, which are
    part of the document)."""

    def __init__(self, site_dir: Path):
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
        self.site_dir = site_dir.resolve()
        self.fetched: list[str] = []  # file URLs read
        self.refused: list[str] = []  # URLs asked for and not read

    def fetch(self, url: str, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if not self.inside_site(url):
            self.refused.append(url)
            raise ValueError(f"not a file of the built site ({self.site_dir}): {url}")
        self.fetched.append(url)
        return super().fetch(url, headers)

    def inside_site(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            return False
        # resolve(): a `..` or a symbolic link that leads out of the site is outside.
        path = Path(url2pathname(parts.path)).resolve()
        return path.is_relative_to(self.site_dir)
