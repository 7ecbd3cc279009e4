"""The sitemap of one language: the URLs of the pages built under that language's root.

Material's script fetches ``sitemap.xml`` from the root of the language a page is in; the i18n
plugin writes a single sitemap at the site's root, so every page of the other languages got a 404.
The sitemap protocol only lets a sitemap list URLs under its own folder, hence one per language.
As in MkDocs' own sitemap, the URLs are the pages' canonical URLs, so a site without ``site_url``
gets a valid sitemap with no URLs in it.

It must not read or write files: the plugin does.
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape


def sitemap_xml(urls: Iterable[str]) -> str:
    """A sitemap listing ``urls`` in the given order."""
    entries = "".join(f"  <url>\n    <loc>{escape(url)}</loc>\n  </url>\n" for url in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}"
        "</urlset>\n"
    )
